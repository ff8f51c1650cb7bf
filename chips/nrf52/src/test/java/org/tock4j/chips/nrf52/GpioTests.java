package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.chips.nrf52.hardware.GpioPortModel.*;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.PinWire.Edge;
import org.tock4j.chips.emulator.world.Pull;
import org.tock4j.chips.nrf5x.GpioPin;
import org.tock4j.kernel.hil.gpio.Configuration;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.led.LedLow;

class GpioTests {
    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();

    @Test
    void anOutputPinDrivesItsWireWithItsOutBit() {
        GpioPin pin = chip.gpioPin(0, 17);
        PinWire wire = chip.pin(0, 17);

        assertThat(pin.makeOutput()).isEqualTo(Configuration.Output);
        assertThat(wire.isDrivenByChip()).isTrue();
        assertThat(wire.level()).isFalse();
        clock.advanceTo(500);
        pin.set();

        assertThat(wire.level()).isTrue();
        assertThat(wire.edges()).containsExactly(new Edge(500, true));
        assertThat(bus.read32(Nrf52840MemoryMap.GPIO_P0_BASE + OUT)).isEqualTo(1 << 17);
    }

    @Test
    void anActiveLowLedShowsItsEdgesWithTheirTimes() {
        Led led = new LedLow(chip.gpioPin(0, 13));
        PinWire wire = chip.pin(0, 13);

        led.init();
        clock.advanceTo(1_000_000);
        led.on();
        clock.advanceTo(1_500_000);
        led.off();
        clock.advanceTo(2_000_000);
        led.toggle();

        assertThat(wire.edges()).containsExactly(new Edge(0, true), new Edge(1_000_000, false),
                new Edge(1_500_000, true), new Edge(2_000_000, false));
    }

    @Test
    void anInputReadsItsWireOnlyWhileItsInputBufferIsConnected() {
        GpioPin pin = chip.gpioPin(0, 11);
        chip.pin(0, 11).drive(true);

        assertThat(pin.configuration()).isEqualTo(Configuration.LowPower); // reset: buffer disconnected
        assertThat(pin.read()).isFalse();

        assertThat(pin.makeInput()).isEqualTo(Configuration.Input);
        assertThat(pin.read()).isTrue();

        pin.deactivateToLowPower();
        assertThat(pin.read()).isFalse();
        assertThat(pin.configuration()).isEqualTo(Configuration.LowPower);
    }

    @Test
    void aPullUpHoldsAnUndrivenInputHighUntilAButtonPullsItLow() {
        GpioPin button = chip.gpioPin(0, 11);
        PinWire wire = chip.pin(0, 11);
        button.makeInput();
        button.setFloatingState(FloatingState.PullUp);

        assertThat(button.floatingState()).isEqualTo(FloatingState.PullUp);
        assertThat(button.read()).isTrue();
        wire.press();
        assertThat(button.read()).isFalse();
        wire.release();
        assertThat(button.read()).isTrue();
        assertThat(button.configuration()).isEqualTo(Configuration.Input);
    }

    @Test
    void toggleReturnsTheNewLevel() {
        GpioPin pin = chip.gpioPin(0, 3);
        pin.makeOutput();
        assertThat(pin.toggle()).isTrue();
        assertThat(chip.pin(0, 3).level()).isTrue();
        assertThat(pin.toggle()).isFalse();
    }

    @Test
    void portOnePinsHaveTheirOwnRegistersAndWires() {
        GpioPin pin = chip.gpioPin(1, 15);
        pin.makeOutput();
        pin.set();

        assertThat(chip.pin(1, 15).level()).isTrue();
        assertThat(chip.pin(1, 15).name()).isEqualTo("P1.15");
        assertThat(chip.pin(0, 15).level()).isFalse();
        assertThat(bus.read32(Nrf52840MemoryMap.GPIO_P1_BASE + OUT)).isEqualTo(1 << 15);
        assertThat(chip.gpioPort().pin(32 + 15)).isSameAs(pin);
    }

    @Test
    void pinsOutsideTheChipAreRejected() {
        assertThatThrownBy(() -> chip.gpioPin(1, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1");
        assertThatThrownBy(() -> chip.pin(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dirAndPinCnfDirAreOneBit() {
        int p0 = Nrf52840MemoryMap.GPIO_P0_BASE;
        bus.write32(p0 + DIRSET, 1 << 4);
        assertThat(bus.read32(p0 + PIN_CNF + 4 * 4) & PIN_CNF_DIR_OUTPUT).isEqualTo(1);
        assertThat(chip.gpioPin(0, 4).configuration()).isEqualTo(Configuration.Output);
        bus.write32(p0 + DIRCLR, 1 << 4);
        assertThat(bus.read32(p0 + DIR)).isZero();
    }

    @Test
    void anOpenDrainOutputReleasesItsHighLevel() {
        int p0 = Nrf52840MemoryMap.GPIO_P0_BASE;
        PinWire wire = chip.pin(0, 26);
        wire.setExternalPull(Pull.UP);
        bus.write32(p0 + PIN_CNF + 4 * 26, PIN_CNF_DIR_OUTPUT | DRIVE_S0D1 << PIN_CNF_DRIVE_SHIFT);

        assertThat(wire.level()).isFalse();
        bus.write32(p0 + OUTSET, 1 << 26);
        assertThat(wire.isDrivenByChip()).isFalse();
        assertThat(wire.level()).isTrue();
    }

    @Test
    void senseLatchesAMatchingLevelUntilClearedAfterItEnds() {
        int p0 = Nrf52840MemoryMap.GPIO_P0_BASE;
        PinWire wire = chip.pin(0, 12);
        wire.setExternalPull(Pull.UP);
        bus.write32(p0 + PIN_CNF + 4 * 12, SENSE_LOW << PIN_CNF_SENSE_SHIFT);
        assertThat(bus.read32(p0 + LATCH)).isZero();

        wire.press();
        assertThat(bus.read32(p0 + LATCH)).isEqualTo(1 << 12);
        bus.write32(p0 + LATCH, 1 << 12);
        assertThat(bus.read32(p0 + LATCH)).isEqualTo(1 << 12); // still low: latched again

        wire.release();
        bus.write32(p0 + LATCH, 1 << 12);
        assertThat(bus.read32(p0 + LATCH)).isZero();
    }
}
