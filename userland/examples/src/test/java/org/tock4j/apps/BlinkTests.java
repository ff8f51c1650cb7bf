package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.userland.fake.Syscall.command;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeAlarm;
import org.tock4j.userland.fake.FakeLeds;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;
import org.tock4j.userland.fake.YieldLimitReached;

class BlinkTests {

    private static final int TICKS_250_MS_AT_32768_HZ = 8192;
    private static final Syscall WAIT_FOR_ALARM = Syscall.yield(2, 0, 0);

    @Test
    void blinkIsTheTbfPackageName() {
        assertThat(new Blink().name()).isEqualTo("blink");
    }

    @Test
    void blinkShowsEachCountInBinaryOnTheLedsThenWaits250Ms() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        FakeLeds leds = FakeLeds.install(sys, 3);
        FakeAlarm alarm = FakeAlarm.install(sys, 32_768, 0);
        sys.limitYields(4);

        assertThatThrownBy(() -> new Blink().main(sys)).isInstanceOf(YieldLimitReached.class);

        int delay = TICKS_250_MS_AT_32768_HZ;
        assertThat(sys.calls()).containsExactly(
                command(2, 0, 0, 0),
                // count 0: 000
                command(2, 2, 0, 0), command(2, 2, 1, 0), command(2, 2, 2, 0),
                command(0, 1, 0, 0), command(0, 5, delay, 0), WAIT_FOR_ALARM,
                // count 1: 001
                command(2, 1, 0, 0), command(2, 2, 1, 0), command(2, 2, 2, 0),
                command(0, 5, delay, 0), WAIT_FOR_ALARM,
                // count 2: 010
                command(2, 2, 0, 0), command(2, 1, 1, 0), command(2, 2, 2, 0),
                command(0, 5, delay, 0), WAIT_FOR_ALARM,
                // count 3: 011
                command(2, 1, 0, 0), command(2, 1, 1, 0), command(2, 2, 2, 0),
                command(0, 5, delay, 0), WAIT_FOR_ALARM,
                // count 4: 100, then the fifth wait is where the test stops the app
                command(2, 2, 0, 0), command(2, 2, 1, 0), command(2, 1, 2, 0),
                command(0, 5, delay, 0), WAIT_FOR_ALARM);
        assertThat(leds.isOn(0)).isFalse();
        assertThat(leds.isOn(1)).isFalse();
        assertThat(leds.isOn(2)).isTrue();
        assertThat(alarm.now()).isEqualTo(5 * delay);
    }

    @Test
    void blinkOnABoardWithoutLedsOnlyWaits() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        FakeLeds.install(sys, 0);
        FakeAlarm.install(sys, 32_768, 0);
        sys.limitYields(2);

        assertThatThrownBy(() -> new Blink().main(sys)).isInstanceOf(YieldLimitReached.class);

        assertThat(sys.calls()).containsExactly(
                command(2, 0, 0, 0),
                command(0, 1, 0, 0), command(0, 5, TICKS_250_MS_AT_32768_HZ, 0), WAIT_FOR_ALARM,
                command(0, 5, TICKS_250_MS_AT_32768_HZ, 0), WAIT_FOR_ALARM,
                command(0, 5, TICKS_250_MS_AT_32768_HZ, 0), WAIT_FOR_ALARM);
    }
}
