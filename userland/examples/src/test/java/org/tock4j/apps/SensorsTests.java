package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeAlarm;
import org.tock4j.userland.fake.FakeConsole;
import org.tock4j.userland.fake.FakeTemperature;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;
import org.tock4j.userland.fake.YieldLimitReached;

class SensorsTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();
    private final FakeConsole console = FakeConsole.install(sys);

    @Test
    void sensorsIsTheTbfPackageName() {
        assertThat(new Sensors().name()).isEqualTo("sensors");
    }

    @Test
    void sensorsPrintsEachReadingInDegreesWithTwoDecimalsThenWaitsOneSecond() {
        FakeTemperature temperature = FakeTemperature.install(sys).willRead(2325, -1234, -5, 0);
        FakeAlarm alarm = FakeAlarm.install(sys, 32_768, 0);
        sys.limitYields(12);                     // four lines: the sensor, the console and the alarm each yield once

        assertThatThrownBy(() -> new Sensors().main(sys)).isInstanceOf(YieldLimitReached.class);

        assertThat(console.output()).isEqualTo(
                "Temperature: 23.25 C\r\n"
                + "Temperature: -12.34 C\r\n"
                + "Temperature: -0.05 C\r\n"
                + "Temperature: 0.00 C\r\n");
        assertThat(sys.calls()).startsWith(Syscall.command(0x60000, 0, 0, 0));
        assertThat(temperature.requests()).isEqualTo(5);
        assertThat(alarm.now()).isEqualTo(4 * 32_768);
    }

    @Test
    void theLinePadsHundredthsAndSignsOnlyNegativeReadings() {
        assertThat(Sensors.line(2325)).isEqualTo("Temperature: 23.25 C\r\n");
        assertThat(Sensors.line(5)).isEqualTo("Temperature: 0.05 C\r\n");
        assertThat(Sensors.line(-100)).isEqualTo("Temperature: -1.00 C\r\n");
        assertThat(Sensors.line(-99)).isEqualTo("Temperature: -0.99 C\r\n");
        assertThat(Sensors.line(12_345)).isEqualTo("Temperature: 123.45 C\r\n");
        assertThat(Sensors.line(Integer.MIN_VALUE)).isEqualTo("Temperature: -21474836.48 C\r\n");
    }

    @Test
    void onABoardWithoutATemperatureSensorSensorsSaysSoAndReturns() {
        new Sensors().main(sys);

        assertThat(console.output()).isEqualTo("No temperature sensor.\r\n");
        assertThat(sys.calls(Syscall.Kind.COMMAND))
                .containsExactly(Syscall.command(0x60000, 0, 0, 0), Syscall.command(1, 1, 24, 0));
    }
}
