package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.chips.sam4l.hardware.GpioPortModel.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.PinWire.Edge;
import org.tock4j.chips.emulator.world.Pull;
import org.tock4j.kernel.hil.gpio.Configuration;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.led.LedHigh;

class GpioTests {
    private static final int PORT_C = BASE + 2 * PORT_SIZE;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final List<Long> fired = new ArrayList<>();

    @Test
    void pinWiresAreNamedAsTocksPinEnum() {
        assertThat(chip.pin('A', 13).name()).isEqualTo("PA13");
        assertThat(chip.pin('C', 5).name()).isEqualTo("PC05");
        assertThat(chip.gpioPin('B', 31)).hasToString("GpioPin[PB31]");
        assertThatThrownBy(() -> chip.pin('D', 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.gpioPin('A', 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutputPinDrivesItsWireWithOvr() {
        GpioPin pin = chip.gpioPin('C', 22);
        PinWire wire = chip.pin('C', 22);

        assertThat(pin.makeOutput()).isEqualTo(Configuration.Output);
        assertThat(wire.isDrivenByChip()).isTrue();
        assertThat(wire.level()).isFalse();
        clock.advanceTo(500);
        pin.set();

        assertThat(wire.level()).isTrue();
        assertThat(wire.edges()).containsExactly(new Edge(500, true));
        assertThat(bus.read32(PORT_C + OVR)).isEqualTo(1 << 22);
        assertThat(bus.read32(PORT_C + ODER)).isEqualTo(1 << 22);
    }

    @Test
    void theSetClearAndToggleWordsChangeOnlyTheirBits() {
        bus.write32(PORT_C + OVR, 0b1010);
        bus.write32(PORT_C + OVR + SET, 0b0001);
        assertThat(bus.read32(PORT_C + OVR)).isEqualTo(0b1011);
        bus.write32(PORT_C + OVR + CLEAR, 0b0010);
        assertThat(bus.read32(PORT_C + OVR)).isEqualTo(0b1001);
        bus.write32(PORT_C + OVR + TOGGLE, 0b1100);
        assertThat(bus.read32(PORT_C + OVR)).isEqualTo(0b0101);
    }

    @Test
    void anActiveHighLedShowsItsEdgesWithTheirTimes() {
        Led led = new LedHigh(chip.gpioPin('C', 10));
        PinWire wire = chip.pin('C', 10);

        led.init();
        clock.advanceTo(1_000_000);
        led.on();
        clock.advanceTo(1_500_000);
        led.off();
        clock.advanceTo(2_000_000);
        led.toggle();

        assertThat(wire.edges()).containsExactly(new Edge(1_000_000, true), new Edge(1_500_000, false),
                new Edge(2_000_000, true));
    }

    @Test
    void toggleReturnsTheNewLevelReadFromPvr() {
        GpioPin pin = chip.gpioPin('A', 3);
        pin.makeOutput();
        assertThat(pin.toggle()).isTrue();
        assertThat(pin.read()).isTrue();
        assertThat(pin.toggle()).isFalse();
    }

    @Test
    void aPullUpHoldsAnInputHighUntilAButtonPullsItLow() {
        GpioPin button = chip.gpioPin('C', 24);
        PinWire wire = chip.pin('C', 24);
        button.makeInput();
        button.setFloatingState(FloatingState.PullUp);

        assertThat(button.floatingState()).isEqualTo(FloatingState.PullUp);
        assertThat(button.read()).isTrue();
        wire.press();
        assertThat(button.read()).isFalse();
        wire.release();
        assertThat(button.read()).isTrue();
        button.setFloatingState(FloatingState.PullDown);
        assertThat(button.read()).isFalse();
        assertThat(wire.source()).isEqualTo(PinWire.Source.CHIP_PULL);
    }

    @Test
    void gpioInterruptOnRisingEdge() {
        GpioPin pin = chip.gpioPin('A', 20);
        PinWire wire = chip.pin('A', 20);
        pin.makeInput();
        pin.setClient(() -> fired.add(clock.now()));
        pin.enableInterrupts(InterruptEdge.RisingEdge);

        clock.advanceTo(1_000);
        wire.drive(true);
        clock.advanceTo(2_000);
        wire.drive(false);
        assertThat(fired).isEmpty();
        assertThat(pin.isPending()).isTrue();
        assertThat(chip.nvic().isPending(Sam4lInterrupts.gpio(2))).isTrue(); // PA16..PA23

        chip.servicePendingInterrupts();

        assertThat(fired).containsExactly(2_000L);
        assertThat(pin.isPending()).isFalse();
    }

    @Test
    void gpioInterruptOnFallingEdgeIgnoresRisingOnes() {
        GpioPin button = chip.gpioPin('C', 24);
        PinWire wire = chip.pin('C', 24);
        button.makeInput();
        button.setFloatingState(FloatingState.PullUp);
        button.setClient(() -> fired.add(clock.now()));
        button.enableInterrupts(InterruptEdge.FallingEdge);

        clock.advanceTo(10_000);
        wire.press();
        board.runUntil(20_000);
        wire.release();
        board.runUntil(30_000);

        assertThat(fired).containsExactly(10_000L);
        assertThat(bus.read32(PORT_C + IMR1)).isEqualTo(1 << 24);
        assertThat(bus.read32(PORT_C + IMR0)).isZero();
    }

    @Test
    void gpioInterruptOnEitherEdgeFiresForBoth() {
        GpioPin pin = chip.gpioPin('B', 7);
        PinWire wire = chip.pin('B', 7);
        pin.makeInput();
        pin.setClient(() -> fired.add(clock.now()));
        pin.enableInterrupts(InterruptEdge.EitherEdge);

        clock.advanceTo(1_000);
        wire.drive(true);
        board.runUntil(2_000);
        wire.drive(false);
        board.runUntil(3_000);

        assertThat(fired).containsExactly(1_000L, 2_000L);
    }

    @Test
    void edgesWhileTheInterruptIsDisabledAreNotRemembered() {
        GpioPin pin = chip.gpioPin('A', 5);
        PinWire wire = chip.pin('A', 5);
        pin.makeInput();
        pin.setClient(() -> fired.add(clock.now()));
        wire.drive(true);
        wire.drive(false);

        pin.enableInterrupts(InterruptEdge.EitherEdge);
        board.runUntil(1_000);
        assertThat(fired).isEmpty();

        pin.disableInterrupts();
        wire.drive(true);
        board.runUntil(2_000);
        assertThat(fired).isEmpty();
    }

    @Test
    void theGpioDetectsNoEdgeWhileItsClockIsMasked() {
        GpioPin pin = chip.gpioPin('A', 6);
        pin.makeInput();
        pin.setClient(() -> fired.add(clock.now()));
        pin.enableInterrupts(InterruptEdge.RisingEdge);
        chip.pm().disableClock(Clock.Pbc.GPIO);

        chip.pin('A', 6).drive(true);
        chip.pm().enableClock(Clock.Pbc.GPIO);
        board.runUntil(1_000);

        assertThat(fired).isEmpty();
    }

    @Test
    void configurationReportsWhatGperAndOderSay() {
        GpioPin pin = chip.gpioPin('B', 9);
        assertThat(pin.configuration()).isEqualTo(Configuration.Function);
        pin.makeInput();
        assertThat(pin.configuration()).isEqualTo(Configuration.Input);
        pin.makeOutput();
        assertThat(pin.configuration()).isEqualTo(Configuration.InputOutput);
        assertThat(pin.disableOutput()).isEqualTo(Configuration.Input);
        pin.deactivateToLowPower();
        assertThat(pin.configuration()).isEqualTo(Configuration.Function);
    }

    @Test
    void aPeripheralFunctionClearsGperAndSetsThePmrBits() {
        GpioPin pin = chip.gpioPin('C', 12);
        pin.makeOutput();
        pin.configure(Optional.of(PeripheralFunction.E)); // 0b100

        int bit = 1 << 12;
        assertThat(bus.read32(PORT_C + GPER) & bit).isZero();
        assertThat(bus.read32(PORT_C + PMR0) & bit).isZero();
        assertThat(bus.read32(PORT_C + PMR1) & bit).isZero();
        assertThat(bus.read32(PORT_C + PMR2) & bit).isEqualTo(bit);
        assertThat(chip.pin('C', 12).isDrivenByChip()).isFalse();

        pin.configure(Optional.empty());
        assertThat(bus.read32(PORT_C + GPER) & bit).isEqualTo(bit);
    }

    @Test
    void theFourLinesOfAPortEachServeEightPins() {
        for (int n : new int[] {0, 8, 16, 24}) {
            GpioPin pin = chip.gpioPin('B', n);
            pin.makeInput();
            pin.enableInterrupts(InterruptEdge.RisingEdge);
            chip.pin('B', n).drive(true);
            assertThat(chip.nvic().isPending(Sam4lInterrupts.gpio(4 + n / 8))).isTrue();
        }
        assertThat(chip.nvic().isPending(Sam4lInterrupts.gpio(0))).isFalse();
        assertThat(chip.nvic().isPending(Sam4lInterrupts.gpio(8))).isFalse();
    }

    @Test
    void anExternalPullIsSeenWhenNothingDrivesThePin() {
        chip.pin('A', 9).setExternalPull(Pull.UP);
        GpioPin pin = chip.gpioPin('A', 9);
        pin.makeInput();
        assertThat(pin.read()).isTrue();
    }
}
