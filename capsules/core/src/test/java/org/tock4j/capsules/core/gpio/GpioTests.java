package org.tock4j.capsules.core.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class GpioTests {
    private final FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 16));
    private final FakeGrant<App> grant = new FakeGrant<>(processes, 4, Gpio.GRANT_TYPE, Gpio.UPCALLS,
            Gpio.ALLOW_RO, Gpio.ALLOW_RW);
    private final InterruptPin pin0 = mock(InterruptPin.class);
    private final InterruptPin pin2 = mock(InterruptPin.class);
    private final ProcessId app = processes.spawn();
    private Gpio gpio;

    @BeforeEach
    void setUp() {
        // GPIO 1 is left empty, as gpio_component_helper!(0 => a, 2 => b) leaves it.
        gpio = new Gpio(GpioPins.byNumber(Map.of(0, pin0, 2, pin2)), grant);
    }

    @Test
    void existsCommandSucceedsAndCommandTenCountsGpioNumbersIncludingEmptyOnes() {
        assertThat(gpio.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(10, 0, 0, app)).isEqualTo(CommandReturn.successU32(3));
    }

    @Test
    void outputCommandsDriveTheNumberedPin() {
        assertThat(gpio.command(1, 2, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(2, 2, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(3, 2, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(4, 2, 0, app)).isEqualTo(CommandReturn.success());

        InOrder order = inOrder(pin2);
        order.verify(pin2).makeOutput();
        order.verify(pin2).set();
        order.verify(pin2).clear();
        order.verify(pin2).toggle();
        verify(pin0, never()).makeOutput();
    }

    @Test
    void readReturnsThePinLevel() {
        when(pin0.read()).thenReturn(true);

        assertThat(gpio.command(6, 0, 0, app)).isEqualTo(CommandReturn.successU32(1));
        assertThat(gpio.command(6, 2, 0, app)).isEqualTo(CommandReturn.successU32(0));
    }

    @Test
    void gpioReadOfMissingPinIsInval() {
        assertThat(gpio.command(6, 3, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
    }

    @Test
    void everyPinCommandOnANumberPastTheCountIsInval() {
        for (int command = 1; command <= 9; command++) {
            assertThat(gpio.command(command, 3, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
            assertThat(gpio.command(command, -1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        }
    }

    @Test
    void theWholeFirstArgumentIsThePinNumber() {
        assertThat(gpio.command(2, 0x1_0000, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(pin0, never()).set();
    }

    @Test
    void everyPinCommandOnAnEmptyNumberIsNodevice() {
        for (int command = 1; command <= 9; command++) {
            assertThat(gpio.command(command, 1, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NODEVICE));
        }
    }

    @Test
    void enableInputSetsThePullResistorNumberedAsLibtock() {
        assertThat(gpio.command(5, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(5, 0, 1, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(5, 0, 2, app)).isEqualTo(CommandReturn.success());

        InOrder order = inOrder(pin0);
        order.verify(pin0).makeInput();
        order.verify(pin0).setFloatingState(FloatingState.PullNone);
        order.verify(pin0).makeInput();
        order.verify(pin0).setFloatingState(FloatingState.PullUp);
        order.verify(pin0).makeInput();
        order.verify(pin0).setFloatingState(FloatingState.PullDown);
    }

    @Test
    void unknownPullLeavesThePinAnInputAndIsNosupport() {
        assertThat(gpio.command(5, 0, 3, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));

        verify(pin0).makeInput();
        verify(pin0, never()).setFloatingState(any());
    }

    @Test
    void configureInterruptMapsEdgeNumbers() {
        assertThat(gpio.command(7, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(7, 0, 1, app)).isEqualTo(CommandReturn.success());
        assertThat(gpio.command(7, 0, 2, app)).isEqualTo(CommandReturn.success());

        InOrder order = inOrder(pin0);
        order.verify(pin0).enableInterrupts(InterruptEdge.EitherEdge);
        order.verify(pin0).enableInterrupts(InterruptEdge.RisingEdge);
        order.verify(pin0).enableInterrupts(InterruptEdge.FallingEdge);
    }

    @Test
    void unknownEdgeIsNosupportAndEnablesNothing() {
        assertThat(gpio.command(7, 0, 3, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));

        verify(pin0, never()).enableInterrupts(any());
    }

    @Test
    void disablingInterruptsAlsoPutsThePinInLowPower() {
        assertThat(gpio.command(8, 2, 0, app)).isEqualTo(CommandReturn.success());

        InOrder order = inOrder(pin2);
        order.verify(pin2).disableInterrupts();
        order.verify(pin2).deactivateToLowPower();
    }

    @Test
    void disablingThePinPutsItInLowPowerOnly() {
        assertThat(gpio.command(9, 2, 0, app)).isEqualTo(CommandReturn.success());

        verify(pin2).deactivateToLowPower();
        verify(pin2, never()).disableInterrupts();
    }

    @Test
    void interruptUpcallGoesToEveryProcessThatUsedTheDriverWithPinAndLevel() {
        ProcessId other = processes.spawn();
        ProcessId stranger = processes.spawn();
        gpio.allocateGrant(app);
        gpio.allocateGrant(other);
        when(pin2.read()).thenReturn(true);

        gpio.fired(2);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Gpio.UPCALL_NUM, 2, 1, 0));
        assertThat(grant.upcalls(other)).containsExactly(new Upcall(Gpio.UPCALL_NUM, 2, 1, 0));
        assertThat(grant.isAllocated(stranger)).isFalse();
    }

    @Test
    void unknownCommandIsNosupport() {
        assertThat(gpio.command(11, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void gpioPinsByNumberLeavesTheNumbersBetweenEmpty() {
        GpioPins pins = GpioPins.byNumber(Map.of(3, pin0));

        assertThat(pins.pins()).containsExactly(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(pin0));
        assertThat(GpioPins.of(pin0, pin2).pins()).containsExactly(Optional.of(pin0), Optional.of(pin2));
    }
}
