package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.GpioteModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.Pull;
import org.tock4j.chips.nrf52.hardware.GpioPortModel;
import org.tock4j.chips.nrf5x.GpioPin;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;

class GpioteTests {
    private static final int BASE = Nrf52840MemoryMap.GPIOTE_BASE;
    private static final int P0 = Nrf52840MemoryMap.GPIO_P0_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final GpioPin button = chip.gpioPin(0, 11);
    private final PinWire wire = chip.pin(0, 11);
    private final List<Long> fired = new ArrayList<>();

    @BeforeEach
    void aButtonToGroundWithAPullUp() {
        button.makeInput();
        button.setFloatingState(FloatingState.PullUp);
        button.setClient(() -> fired.add(clock.now()));
    }

    private void runFor(long ns) {
        KernelLoopStandIn.runUntil(chip, clock.now() + ns);
    }

    @Test
    void gpioteInEventOnFallingEdge() {
        button.enableInterrupts(InterruptEdge.FallingEdge);

        clock.advanceTo(1_000);
        wire.press();
        assertThat(button.isPending()).isTrue();
        assertThat(chip.nvic().isPending(PeripheralInterrupts.GPIOTE)).isTrue();
        chip.servicePendingInterrupts();

        assertThat(fired).containsExactly(1_000L);
        assertThat(button.isPending()).isFalse();
        wire.release();
        chip.servicePendingInterrupts();
        assertThat(fired).hasSize(1);
    }

    @Test
    void aRisingEdgeChannelIgnoresThePressAndFiresOnTheRelease() {
        button.enableInterrupts(InterruptEdge.RisingEdge);

        wire.press();
        runFor(1_000);
        assertThat(fired).isEmpty();
        wire.release();
        runFor(1_000);

        assertThat(fired).containsExactly(1_000L);
    }

    @Test
    void eitherEdgeFiresOnBoth() {
        button.enableInterrupts(InterruptEdge.EitherEdge);

        wire.press();
        runFor(500);
        wire.release();
        runFor(500);

        assertThat(fired).containsExactly(0L, 500L);
    }

    @Test
    void anInputWithItsBufferDisconnectedMakesNoEdges() {
        button.deactivateToLowPower();
        wire.setExternalPull(Pull.UP);
        button.enableInterrupts(InterruptEdge.EitherEdge);

        wire.press();
        wire.release();

        assertThat(chip.hasPendingInterrupts()).isFalse();
    }

    @Test
    void eachInterruptPinTakesTheFirstFreeChannelAndGivesItBack() {
        button.enableInterrupts(InterruptEdge.FallingEdge);
        GpioPin other = chip.gpioPin(1, 4);
        other.enableInterrupts(InterruptEdge.RisingEdge);

        assertThat(bus.read32(BASE + CONFIG)).isEqualTo(MODE_EVENT | 11 << 8 | POLARITY_HI_TO_LO << 16);
        assertThat(bus.read32(BASE + CONFIG + 4)).isEqualTo(MODE_EVENT | 36 << 8 | POLARITY_LO_TO_HI << 16);
        assertThat(bus.read32(BASE + INTENSET)).isEqualTo(0b11);

        button.enableInterrupts(InterruptEdge.EitherEdge); // keeps its channel, new polarity
        assertThat(bus.read32(BASE + CONFIG)).isEqualTo(MODE_EVENT | 11 << 8 | POLARITY_TOGGLE << 16);
        button.disableInterrupts();
        assertThat(bus.read32(BASE + CONFIG)).isZero();
        assertThat(bus.read32(BASE + INTENSET)).isEqualTo(0b10);
    }

    @Test
    void aNinthInterruptPinFindsNoChannelAndChangesNothing() {
        for (int pin = 0; pin < CHANNELS; pin++) {
            chip.gpioPin(1, pin).enableInterrupts(InterruptEdge.RisingEdge);
        }

        button.enableInterrupts(InterruptEdge.FallingEdge);
        wire.press();

        assertThat(chip.hasPendingInterrupts()).isFalse();
        assertThat(button.isPending()).isFalse();
    }

    @Test
    void aPortOnePinEventReachesItsOwnClient() {
        GpioPin pin = chip.gpioPin(1, 9);
        List<String> heard = new ArrayList<>();
        pin.makeInput();
        pin.setClient(() -> heard.add("P1.9"));
        pin.enableInterrupts(InterruptEdge.RisingEdge);

        chip.pin(1, 9).drive(true);
        chip.servicePendingInterrupts();

        assertThat(heard).containsExactly("P1.9");
        assertThat(fired).isEmpty();
    }

    @Test
    void aTaskChannelDrivesItsPinFromOutinitAndOutTogglesIt() {
        PinWire led = chip.pin(0, 13);
        bus.write32(BASE + CONFIG + 4 * 3, MODE_TASK | 13 << 8 | POLARITY_TOGGLE << 16 | CONFIG_OUTINIT_HIGH);
        assertThat(led.level()).isTrue();
        assertThat(led.isDrivenByChip()).isTrue();

        bus.write32(BASE + TASKS_OUT + 4 * 3, 1);
        assertThat(led.level()).isFalse();
        bus.write32(BASE + TASKS_SET + 4 * 3, 1);
        assertThat(led.level()).isTrue();
        bus.write32(BASE + TASKS_CLR + 4 * 3, 1);
        assertThat(led.level()).isFalse();

        bus.write32(BASE + CONFIG + 4 * 3, 0); // the GPIO registers own the pin again: an input
        assertThat(led.isDrivenByChip()).isFalse();
    }

    @Test
    void thePortEventRisesWithTheGpioDetectSignalFromSense() {
        bus.write32(BASE + INTENSET, INT_PORT);
        bus.write32(P0 + GpioPortModel.PIN_CNF + 4 * 11,
                GpioPortModel.PULL_PULLUP << GpioPortModel.PIN_CNF_PULL_SHIFT
                        | GpioPortModel.SENSE_LOW << GpioPortModel.PIN_CNF_SENSE_SHIFT);
        assertThat(bus.read32(BASE + EVENTS_PORT)).isZero();

        wire.press();

        assertThat(bus.read32(BASE + EVENTS_PORT)).isEqualTo(1);
        assertThat(chip.nvic().isPending(PeripheralInterrupts.GPIOTE)).isTrue();
        assertThat(chip.hardware().port(0).detect()).isTrue();
        wire.release();
        assertThat(chip.hardware().port(0).detect()).isFalse(); // default mode: not latched
    }

    @Test
    void inLdetectModeClearingALatchThatStaysSetRaisesThePortEventAgain() {
        PinWire other = chip.pin(0, 12);
        other.setExternalPull(Pull.UP);
        wire.setExternalPull(Pull.UP);
        bus.write32(P0 + GpioPortModel.DETECTMODE, 1);
        int senseLow = GpioPortModel.SENSE_LOW << GpioPortModel.PIN_CNF_SENSE_SHIFT;
        bus.write32(P0 + GpioPortModel.PIN_CNF + 4 * 11, senseLow);
        bus.write32(P0 + GpioPortModel.PIN_CNF + 4 * 12, senseLow);
        wire.press();
        wire.release();
        other.press();
        assertThat(bus.read32(P0 + GpioPortModel.LATCH)).isEqualTo(1 << 11 | 1 << 12);
        bus.write32(BASE + EVENTS_PORT, 0);

        bus.write32(P0 + GpioPortModel.LATCH, 1 << 11);

        assertThat(bus.read32(P0 + GpioPortModel.LATCH)).isEqualTo(1 << 12);
        assertThat(bus.read32(BASE + EVENTS_PORT)).isEqualTo(1);
    }
}
