package org.tock4j.capsules.core.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class TemperatureSensorTests {
    private final FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 16));
    private final FakeGrant<App> grant = new FakeGrant<>(processes, 0x60000, TemperatureSensor.GRANT_TYPE,
            TemperatureSensor.UPCALLS, TemperatureSensor.ALLOW_RO, TemperatureSensor.ALLOW_RW);
    private final TemperatureDriver sensor = mock(TemperatureDriver.class);
    private final ProcessId app = processes.spawn();
    private TemperatureSensor temperature;

    @BeforeEach
    void setUp() {
        when(sensor.readTemperature()).thenReturn(Result.ok());
        temperature = new TemperatureSensor(sensor, grant);
    }

    @Test
    void readStartsASensorReadingAndDeliversItInHundredthsOfADegree() {
        assertThat(temperature.command(1, 0, 0, app)).isEqualTo(CommandReturn.success());
        verify(sensor).readTemperature();

        temperature.callback(Result.ok(2150));

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 2150, 0, 0));
    }

    @Test
    void temperatureReadingIsSharedByWaitingProcesses() {
        ProcessId other = processes.spawn();

        temperature.command(1, 0, 0, app);
        assertThat(temperature.command(1, 0, 0, other)).isEqualTo(CommandReturn.success());
        temperature.callback(Result.ok(1999));

        verify(sensor, times(1)).readTemperature();
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 1999, 0, 0));
        assertThat(grant.upcalls(other)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 1999, 0, 0));
    }

    @Test
    void aReadingGoesOnlyToProcessesThatAskedAndOnlyOnce() {
        ProcessId bystander = processes.spawn();
        temperature.allocateGrant(bystander);
        temperature.command(1, 0, 0, app);

        temperature.callback(Result.ok(2000));
        temperature.command(1, 0, 0, bystander);
        temperature.callback(Result.ok(2100));

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 2000, 0, 0));
        assertThat(grant.upcalls(bystander)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 2100, 0, 0));
        verify(sensor, times(2)).readTemperature();
    }

    @Test
    void aTemperatureBelowZeroIsPassedAsTwosComplement() {
        temperature.command(1, 0, 0, app);

        temperature.callback(Result.ok(-550));

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, -550, 0, 0));
    }

    @Test
    void aFailedReadingReachesNobodyAndTheProcessesWaitForTheNextOne() {
        temperature.command(1, 0, 0, app);

        temperature.callback(Result.err(ErrorCode.FAIL));
        assertThat(grant.upcalls(app)).isEmpty();

        ProcessId other = processes.spawn();
        temperature.command(1, 0, 0, other);
        temperature.callback(Result.ok(2500));
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(TemperatureSensor.UPCALL_NUM, 2500, 0, 0));
    }

    @Test
    void aSensorRefusalReturnsItsErrorAndTheNextReadTriesAgain() {
        when(sensor.readTemperature()).thenReturn(Result.err(ErrorCode.BUSY));
        assertThat(temperature.command(1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.BUSY));

        when(sensor.readTemperature()).thenReturn(Result.ok());
        assertThat(temperature.command(1, 0, 0, app)).isEqualTo(CommandReturn.success());

        verify(sensor, times(2)).readTemperature();
    }

    @Test
    void commandsForADeadProcessAreInvalAndStartNothing() {
        processes.kill(app);

        assertThat(temperature.command(1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(sensor, never()).readTemperature();
    }

    @Test
    void existsCommandSucceedsAndUnknownCommandIsNosupport() {
        assertThat(temperature.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(temperature.command(2, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        verify(sensor, never()).readTemperature();
    }
}
