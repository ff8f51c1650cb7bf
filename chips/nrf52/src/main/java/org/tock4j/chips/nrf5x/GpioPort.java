package org.tock4j.chips.nrf5x;

import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.chips.nrf52.hardware.GpioteModel;

/**
 * The chip's GPIO pins, indexed as Tock's {@code Pin} enum numbers them (P0.00 = 0 … P0.31 = 31,
 * P1.00 = 32 …).
 *
 * <pre>{@code
 * GpioPin led1 = chip.gpioPort().pin(13);     // P0.13
 * GpioPin p1_01 = chip.gpioPort().pin(32 + 1);
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf5x::gpio::Port}.
 */
public final class GpioPort {
    private final List<GpioPin> pins;

    public GpioPort(List<GpioPin> pins) {
        this.pins = List.copyOf(Objects.requireNonNull(pins, "pins"));
    }

    /** The pin numbered {@code index} (Tock's {@code gpio_port[Pin::P0_13]}). */
    public GpioPin pin(int index) {
        if (index < 0 || index >= pins.size()) {
            throw new IllegalArgumentException("no GPIO pin " + index + " (this chip has 0.." + (pins.size() - 1) + ")");
        }
        return pins.get(index);
    }

    public int size() {
        return pins.size();
    }

    /**
     * The GPIOTE interrupt: for each channel with an IN event, clears it and calls the interrupt client of
     * the pin the channel's CONFIG.PSEL names. A PORT event (which Tock never enables) is cleared so that its
     * interrupt cannot stay asserted.
     */
    public void handleInterrupt() {
        MmioRegisters gpiote = pins.get(0).gpioteRegisters();
        for (int i = 0; i < GpioPin.NUM_GPIOTE; i++) {
            if ((gpiote.read(GpioteModel.EVENTS_IN + 4 * i) & 1) != 0) {
                gpiote.write(GpioteModel.EVENTS_IN + 4 * i, 0);
                int pin = (gpiote.read(GpioteModel.CONFIG + 4 * i) & GpioteModel.CONFIG_PIN_MASK)
                        >>> GpioteModel.CONFIG_PSEL_SHIFT;
                if (pin < pins.size()) {
                    pins.get(pin).handleInterrupt();
                }
            }
        }
        if ((gpiote.read(GpioteModel.EVENTS_PORT) & 1) != 0) {
            gpiote.write(GpioteModel.EVENTS_PORT, 0);
        }
    }
}
