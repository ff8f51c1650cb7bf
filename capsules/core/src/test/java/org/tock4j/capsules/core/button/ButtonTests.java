package org.tock4j.capsules.core.button;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class ButtonTests {
    private final FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 16));
    private final FakeGrant<App> grant = new FakeGrant<>(processes, 3, Button.GRANT_TYPE, Button.UPCALLS,
            Button.ALLOW_RO, Button.ALLOW_RW);
    private final InterruptPin pin0 = pin();
    private final InterruptPin pin1 = pin();
    private final ProcessId app = processes.spawn();
    private Button button;

    /** A mocked pin whose activation is computed from its mocked level, as the HIL's default method does. */
    private static InterruptPin pin() {
        InterruptPin pin = mock(InterruptPin.class);
        when(pin.readActivation(any())).thenCallRealMethod();
        return pin;
    }

    @BeforeEach
    void setUp() {
        button = new Button(List.of(
                new ButtonPin(pin0, ActivationMode.ActiveLow, FloatingState.PullUp),
                new ButtonPin(pin1, ActivationMode.ActiveHigh, FloatingState.PullDown)), grant);
    }

    @Test
    void creationMakesEveryPinAnInputWithItsPullResistor() {
        verify(pin0).makeInput();
        verify(pin0).setFloatingState(FloatingState.PullUp);
        verify(pin1).makeInput();
        verify(pin1).setFloatingState(FloatingState.PullDown);
    }

    @Test
    void countReturnsTheNumberOfButtons() {
        assertThat(button.command(0, 0, 0, app)).isEqualTo(CommandReturn.successU32(2));
    }

    @Test
    void enablingAButtonTurnsOnItsInterruptOnBothEdges() {
        assertThat(button.command(1, 1, 0, app)).isEqualTo(CommandReturn.success());

        verify(pin1).enableInterrupts(InterruptEdge.EitherEdge);
        verify(pin0, never()).enableInterrupts(any());
    }

    @Test
    void pressingAnEnabledButtonSchedulesUpcallWithIndexAndState() {
        button.command(1, 0, 0, app);

        when(pin0.read()).thenReturn(false);   // active low: pressed
        button.fired(0);
        when(pin0.read()).thenReturn(true);    // released
        button.fired(0);

        assertThat(grant.upcalls(app)).containsExactly(
                new Upcall(Button.UPCALL_NUM, 0, 1, 0),
                new Upcall(Button.UPCALL_NUM, 0, 0, 0));
    }

    @Test
    void buttonUpcallsOnlyGoToProcessesThatEnabledIt() {
        ProcessId other = processes.spawn();
        ProcessId bystander = processes.spawn();
        button.command(1, 1, 0, app);
        button.command(1, 0, 0, other);
        button.allocateGrant(bystander);

        when(pin1.read()).thenReturn(true);   // active high: pressed
        button.fired(1);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Button.UPCALL_NUM, 1, 1, 0));
        assertThat(grant.upcalls(other)).isEmpty();
        assertThat(grant.upcalls(bystander)).isEmpty();
    }

    @Test
    void readReportsPressedForTheActiveLevel() {
        when(pin0.read()).thenReturn(false);
        when(pin1.read()).thenReturn(false);

        assertThat(button.command(3, 0, 0, app)).isEqualTo(CommandReturn.successU32(1));
        assertThat(button.command(3, 1, 0, app)).isEqualTo(CommandReturn.successU32(0));
    }

    @Test
    void disablingTheLastListenerTurnsThePinInterruptOff() {
        button.command(1, 0, 0, app);

        assertThat(button.command(2, 0, 0, app)).isEqualTo(CommandReturn.success());

        verify(pin0).disableInterrupts();
        button.fired(0);
        assertThat(grant.upcalls(app)).isEmpty();
    }

    @Test
    void disablingWhileAnotherProcessListensKeepsTheInterrupt() {
        ProcessId other = processes.spawn();
        button.command(1, 0, 0, app);
        button.command(1, 0, 0, other);

        button.command(2, 0, 0, app);

        verify(pin0, never()).disableInterrupts();
        button.fired(0);
        assertThat(grant.upcalls(other)).hasSize(1);
        assertThat(grant.upcalls(app)).isEmpty();
    }

    @Test
    void interruptNobodyListensToAnyMoreSwitchesItselfOff() {
        button.command(1, 0, 0, app);
        processes.kill(app);

        button.fired(0);

        verify(pin0).disableInterrupts();
    }

    @Test
    void disableForADeadProcessIsInvalButStillSwitchesAnUnwatchedInterruptOff() {
        processes.kill(app);

        assertThat(button.command(2, 1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(pin1).disableInterrupts();
    }

    @Test
    void enableForADeadProcessIsInvalAndLeavesTheInterruptOff() {
        processes.kill(app);
        clearInvocations(pin0);

        assertThat(button.command(1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(pin0, never()).enableInterrupts(any());
    }

    @Test
    void commandsOnAMissingButtonAreInval() {
        for (int command = 1; command <= 3; command++) {
            assertThat(button.command(command, 2, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
            assertThat(button.command(command, -1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        }
        assertThat(grant.isAllocated(app)).isFalse();
    }

    @Test
    void unknownCommandIsNosupport() {
        assertThat(button.command(4, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void allocateGrantAllocatesTheProcessGrant() {
        assertThat(button.allocateGrant(app).isOk()).isTrue();
        assertThat(grant.isAllocated(app)).isTrue();
    }

    @Test
    void moreButtonsThanTheSubscribeMapHoldsAreRefused() {
        List<ButtonPin> pins = Collections.nCopies(33,
                new ButtonPin(pin0, ActivationMode.ActiveLow, FloatingState.PullUp));

        assertThatThrownBy(() -> new Button(pins, grant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 32 buttons");
    }
}
