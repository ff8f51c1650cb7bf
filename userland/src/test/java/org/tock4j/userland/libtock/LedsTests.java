package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeLeds;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class LedsTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void countOnOffAndToggleAreCommandsZeroToThreeWithTheLedIndex() {
        FakeLeds fake = FakeLeds.install(sys, 4);
        Leds leds = new Leds(sys);

        assertThat(leds.count()).isEqualTo(4);
        leds.on(3);
        leds.off(1);
        leds.toggle(2);

        assertThat(sys.calls()).containsExactly(
                Syscall.command(2, 0, 0, 0),
                Syscall.command(2, 1, 3, 0),
                Syscall.command(2, 2, 1, 0),
                Syscall.command(2, 3, 2, 0));
        assertThat(fake.isOn(3)).isTrue();
        assertThat(fake.isOn(1)).isFalse();
        assertThat(fake.isOn(2)).isTrue();
    }

    @Test
    void anLedOutOfRangeFailsWithInvalNamingTheIndex() {
        FakeLeds.install(sys, 2);
        Leds leds = new Leds(sys);

        assertThatThrownBy(() -> leds.on(7))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.INVAL);
                    assertThat(e.operation()).isEqualTo("Leds.on(7)");
                });
    }

    @Test
    void aBoardWithoutLedsFailsWithNodeviceAndDoesNotExist() {
        Leds leds = new Leds(sys);

        assertThat(leds.exists()).isFalse();
        assertThatThrownBy(leds::count)
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }

    @Test
    void aCountInTheWrongReturnVariantIsBadrval() {
        sys.onCommand(2, 0, ScriptedSyscalls.success());

        assertThatThrownBy(() -> new Leds(sys).count())
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.BADRVAL));
    }
}
