package org.example.capsules.beeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class BeeperTests {
    /** A 24-bit counter at 32768 Hz, as the nRF52840's RTC. */
    private static final int WIDTH = 24;
    private static final int FREQUENCY = 32_768;

    private final Pin pin = mock(Pin.class);
    private final Alarm alarm = mock(Alarm.class);
    private final TestGrant<App> grant = new TestGrant<>(Beeper.GRANT_TYPE);
    private final ProcessId app = mock(ProcessId.class);
    private final ProcessId other = mock(ProcessId.class);
    private Beeper beeper;

    @BeforeEach
    void setUp() {
        when(alarm.frequency()).thenReturn(FREQUENCY);
        when(alarm.now()).thenReturn(Ticks.of(1_000, WIDTH));
        beeper = new Beeper(pin, alarm, grant);
    }

    @Test
    void creationMakesThePinAnOutputDrivenLow() {
        InOrder order = inOrder(pin);
        order.verify(pin).makeOutput();
        order.verify(pin).clear();
        verifyNoInteractions(alarm);
    }

    @Test
    void commandZeroSaysTheDriverExists() {
        assertThat(beeper.command(Beeper.COMMAND_EXISTS, 0, 0, app)).isEqualTo(CommandReturn.success());
    }

    @Test
    void beepDrivesThePinHighAndArmsTheAlarmForTheDurationFromNow() {
        clearInvocations(pin);

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 100, 0, app)).isEqualTo(CommandReturn.success());

        verify(pin).set();
        verify(pin, never()).clear();
        // 100 ms of a 32768 Hz counter: 3276 ticks (truncated, as Tock's ticks_from_ms).
        verify(alarm).setAlarm(Ticks.of(1_000, WIDTH), Ticks.of(3_276, WIDTH));
        assertThat(grant.data(app).durationMs()).isEqualTo(100);
    }

    @Test
    void whenTheAlarmFiresThePinGoesLowAndTheProcessGetsTheDurationInItsUpcall() {
        beeper.command(Beeper.COMMAND_BEEP, 250, 0, app);
        clearInvocations(pin);

        beeper.alarm();

        verify(pin).clear();
        verify(grant.kernelData(app)).scheduleUpcall(Beeper.UPCALL_DONE, 250, 0, 0);
    }

    @Test
    void aBeepWhileOneSoundsIsBusyForEveryProcessAndLeavesThePinAlone() {
        beeper.command(Beeper.COMMAND_BEEP, 100, 0, app);
        clearInvocations(pin, alarm);

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 50, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.BUSY));
        assertThat(beeper.command(Beeper.COMMAND_BEEP, 50, 0, other))
                .isEqualTo(CommandReturn.failure(ErrorCode.BUSY));

        verifyNoInteractions(pin);
        verify(alarm, never()).setAlarm(any(), any());
        assertThat(grant.data(app).durationMs()).isEqualTo(100);
        assertThat(grant.isAllocated(other)).isFalse();
    }

    @Test
    void afterABeepEndsAnotherProcessMayBeepAndOnlyItIsTold() {
        beeper.command(Beeper.COMMAND_BEEP, 100, 0, app);
        beeper.alarm();

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 30, 0, other)).isEqualTo(CommandReturn.success());
        beeper.alarm();

        verify(grant.kernelData(app)).scheduleUpcall(Beeper.UPCALL_DONE, 100, 0, 0);
        verify(grant.kernelData(other)).scheduleUpcall(Beeper.UPCALL_DONE, 30, 0, 0);
        verify(grant.kernelData(app)).scheduleUpcall(anyInt(), anyInt(), anyInt(), anyInt());
    }

    @Test
    void aDurationOfZeroOrLongerThanTheCounterSpansIsInval() {
        clearInvocations(pin);

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        // 2^24 ticks at 32768 Hz is 512 s: one tick more than the counter holds.
        assertThat(beeper.command(Beeper.COMMAND_BEEP, 512_000, 0, app))
                .isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        // Durations are unsigned: -1 is 4294967295 ms.
        assertThat(beeper.command(Beeper.COMMAND_BEEP, -1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));

        verifyNoInteractions(pin);
        assertThat(grant.isAllocated(app)).isFalse();
    }

    @Test
    void theLongestDurationTheCounterSpansIsAccepted() {
        assertThat(beeper.command(Beeper.COMMAND_BEEP, 511_999, 0, app)).isEqualTo(CommandReturn.success());

        verify(alarm).setAlarm(Ticks.of(1_000, WIDTH), Ticks.of(16_777_183, WIDTH));
    }

    @Test
    void aProcessThatNoLongerExistsGetsInvalAndNoBeep() {
        grant.kill(app);
        clearInvocations(pin);

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 100, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));

        verifyNoInteractions(pin);
        assertThat(beeper.command(Beeper.COMMAND_BEEP, 100, 0, other)).isEqualTo(CommandReturn.success());
    }

    @Test
    void aProcessWhoseGrantCannotBeAllocatedGetsNomem() {
        grant.fill(app);

        assertThat(beeper.command(Beeper.COMMAND_BEEP, 100, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOMEM));
        verify(pin, never()).set();
    }

    @Test
    void aBeepOfAProcessThatDiesStillEndsOnTimeAndTellsNobody() {
        beeper.command(Beeper.COMMAND_BEEP, 100, 0, app);
        grant.kill(app);
        clearInvocations(pin);

        beeper.alarm();

        verify(pin).clear();
        verify(grant.kernelData(app), never()).scheduleUpcall(anyInt(), anyInt(), anyInt(), anyInt());
        assertThat(beeper.command(Beeper.COMMAND_BEEP, 100, 0, other)).isEqualTo(CommandReturn.success());
    }

    @Test
    void unknownCommandsAreNosupport() {
        assertThat(beeper.command(2, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        assertThat(beeper.command(-1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void allocateGrantAllocatesTheProcessesGrant() {
        assertThat(beeper.allocateGrant(app).isOk()).isTrue();
        assertThat(grant.isAllocated(app)).isTrue();

        grant.kill(other);
        assertThat(beeper.allocateGrant(other).isErr()).isTrue();
    }
}
