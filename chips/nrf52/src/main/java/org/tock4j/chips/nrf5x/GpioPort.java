package org.tock4j.chips.nrf5x;

import java.util.List;
import java.util.Objects;

/**
 * The chip's GPIO pins, indexed as Tock's {@code Pin} enum numbers them (P0.00 = 0 … P0.31 = 31,
 * P1.00 = 32 …).
 *
 * <pre>{@code
 * GpioPin led1 = chip.gpioPort().pin(13);     // P0.13
 * GpioPin p1_01 = chip.gpioPort().pin(32 + 1);
 * }</pre>
 *
 * <p>Tock counterpart: {@code nrf5x::gpio::Port} (GPIOTE interrupt dispatch is later work).
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
}
