package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeGpio;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class GpioTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void eachCommandCarriesThePinAndThePullOrEdgeAsSecondArgument() {
        FakeGpio fake = FakeGpio.install(sys, 4);
        Gpio gpio = new Gpio(sys);

        assertThat(gpio.exists()).isTrue();
        assertThat(gpio.count()).isEqualTo(4);
        gpio.enableOutput(1);
        gpio.set(1);
        gpio.clear(1);
        gpio.toggle(1);
        gpio.enableInput(2, Gpio.Pull.DOWN);
        assertThat(gpio.read(2)).isFalse();
        gpio.enableInterrupt(3, Gpio.Edge.FALLING);
        gpio.disableInterrupt(3);
        gpio.disable(0);

        assertThat(sys.calls()).containsExactly(
                Syscall.command(4, 0, 0, 0),
                Syscall.command(4, 10, 0, 0),
                Syscall.command(4, 1, 1, 0),
                Syscall.command(4, 2, 1, 0),
                Syscall.command(4, 3, 1, 0),
                Syscall.command(4, 4, 1, 0),
                Syscall.command(4, 5, 2, 2),
                Syscall.command(4, 6, 2, 0),
                Syscall.command(4, 7, 3, 2),
                Syscall.command(4, 8, 3, 0),
                Syscall.command(4, 9, 0, 0));
        assertThat(fake.mode(1)).isEqualTo(FakeGpio.Mode.OUTPUT);
        assertThat(fake.isHigh(1)).isTrue();
        assertThat(fake.mode(2)).isEqualTo(FakeGpio.Mode.INPUT);
        assertThat(fake.pull(2)).isEqualTo(2);
        assertThat(fake.interruptEdge(3)).isEqualTo(-1);
    }

    @Test
    void pullsAndEdgesHaveTocksNumbers() {
        assertThat(Gpio.Pull.values()).extracting(Gpio.Pull::number).containsExactly(0, 1, 2);
        assertThat(Gpio.Pull.values()).containsExactly(Gpio.Pull.NONE, Gpio.Pull.UP, Gpio.Pull.DOWN);
        assertThat(Gpio.Edge.values()).extracting(Gpio.Edge::number).containsExactly(0, 1, 2);
        assertThat(Gpio.Edge.values()).containsExactly(Gpio.Edge.EITHER, Gpio.Edge.RISING, Gpio.Edge.FALLING);
    }

    @Test
    void readReportsTheLevel() {
        FakeGpio fake = FakeGpio.install(sys, 2);
        Gpio gpio = new Gpio(sys);
        gpio.enableInput(0, Gpio.Pull.NONE);

        fake.drive(0, true);

        assertThat(gpio.read(0)).isTrue();
    }

    @Test
    void onInterruptSubscribesOneUpcallThatPassesPinAndLevelToTheLatestListener() {
        FakeGpio fake = FakeGpio.install(sys, 4);
        Gpio gpio = new Gpio(sys);
        List<String> heard = new ArrayList<>();
        gpio.onInterrupt((pin, high) -> heard.add("first " + pin + " " + high));
        gpio.onInterrupt((pin, high) -> heard.add(pin + " " + high));
        gpio.enableInput(3, Gpio.Pull.UP);
        gpio.enableInterrupt(3, Gpio.Edge.EITHER);

        fake.drive(3, true).drive(3, false);
        sys.runPendingUpcalls();

        int upcall = sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2();
        assertThat(sys.calls(Syscall.Kind.SUBSCRIBE))
                .containsExactly(Syscall.subscribe(4, 0, upcall, 0), Syscall.subscribe(4, 0, upcall, 0));
        assertThat(heard).containsExactly("3 true", "3 false");

        gpio.removeOnInterrupt();
        fake.drive(3, true);
        assertThat(sys.runPendingUpcalls()).isZero();
        assertThat(sys.calls()).contains(Syscall.subscribe(4, 0, 0, 0));
    }

    @Test
    void aPinOutOfRangeIsInvalAndAnEmptyPinIsNodeviceBothNamingThePin() {
        FakeGpio.install(sys, 4).leaveEmpty(3);
        Gpio gpio = new Gpio(sys);

        assertThatThrownBy(() -> gpio.set(9))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.INVAL);
                    assertThat(e.operation()).isEqualTo("Gpio.set(9)");
                });
        assertThatThrownBy(() -> gpio.read(3))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE);
                    assertThat(e.operation()).isEqualTo("Gpio.read(3)");
                });
    }

    @Test
    void aBoardWithoutTheGpioDriverFailsWithNodeviceAndDoesNotExist() {
        Gpio gpio = new Gpio(sys);

        assertThat(gpio.exists()).isFalse();
        assertThatThrownBy(gpio::count)
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }
}
