package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeTemperature;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class TemperatureTests {

    private static final int TEMPERATURE = 0x60000;

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void readSubscribesStartsAReadingYieldsUntilItsUpcallAndUnsubscribes() {
        FakeTemperature.install(sys).willRead(2325);

        int hundredths = new Temperature(sys).read();

        assertThat(hundredths).isEqualTo(2325);
        int done = sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2();
        assertThat(done).isNotZero();
        assertThat(sys.calls()).containsExactly(
                Syscall.subscribe(TEMPERATURE, 0, done, 0),
                Syscall.command(TEMPERATURE, 1, 0, 0),
                Syscall.yield(1, 0, 0),
                Syscall.subscribe(TEMPERATURE, 0, 0, 0));
    }

    @Test
    void readingsBelowZeroComeBackNegative() {
        FakeTemperature.install(sys).willRead(-1234, -5);
        Temperature temperature = new Temperature(sys);

        assertThat(temperature.read()).isEqualTo(-1234);
        assertThat(temperature.read()).isEqualTo(-5);
    }

    @Test
    void theUpcallIsRegisteredOnceAcrossReads() {
        FakeTemperature.install(sys).willRead(1, 2);
        Temperature temperature = new Temperature(sys);

        temperature.read();
        temperature.read();

        assertThat(sys.calls(Syscall.Kind.SUBSCRIBE)).extracting(Syscall::r2)
                .containsExactly(sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2(), 0,
                        sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2(), 0);
    }

    @Test
    void otherCallbacksRunWhileAReadWaits() {
        sys.onCommand(TEMPERATURE, 1, call -> {
            sys.scheduleUpcall(99, 0, 0, 0, 0);
            sys.scheduleUpcall(TEMPERATURE, 0, 2100, 0, 0);
            return ScriptedSyscalls.success();
        });
        int[] otherRan = {0};
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> otherRan[0]++), 0);

        assertThat(new Temperature(sys).read()).isEqualTo(2100);
        assertThat(otherRan[0]).isEqualTo(1);
        assertThat(sys.calls(Syscall.Kind.YIELD)).containsExactly(Syscall.yield(1, 0, 0), Syscall.yield(1, 0, 0));
    }

    @Test
    void aReadingThatCannotStartFailsWithTheSensorsErrorAndGivesTheUpcallBack() {
        sys.onCommand(TEMPERATURE, 1, ScriptedSyscalls.failure(4));

        assertThatThrownBy(() -> new Temperature(sys).read())
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.OFF);
                    assertThat(e.operation()).isEqualTo("Temperature.read");
                });
        assertThat(sys.calls()).endsWith(Syscall.subscribe(TEMPERATURE, 0, 0, 0));
        assertThat(sys.calls(Syscall.Kind.YIELD)).isEmpty();
    }

    @Test
    void aBoardWithoutTheSensorFailsWithNodeviceAndDoesNotExist() {
        Temperature temperature = new Temperature(sys);

        assertThat(temperature.exists()).isFalse();
        assertThatThrownBy(temperature::read)
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }

    @Test
    void aBoardWithTheSensorHasIt() {
        FakeTemperature.install(sys);

        assertThat(new Temperature(sys).exists()).isTrue();
        assertThat(sys.calls()).containsExactly(Syscall.command(TEMPERATURE, 0, 0, 0));
    }
}
