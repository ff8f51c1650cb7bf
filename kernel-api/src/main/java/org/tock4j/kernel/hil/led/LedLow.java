package org.tock4j.kernel.hil.led;

import org.tock4j.kernel.hil.gpio.Pin;

/**
 * An LED lit by driving its pin low (active low, as on the nRF52840-DK).
 *
 * <p>Tock counterpart: {@code kernel::hil::led::LedLow}.
 */
public final class LedLow implements Led {
    private final Pin pin;

    public LedLow(Pin pin) {
        this.pin = pin;
    }

    @Override
    public void init() {
        pin.makeOutput();
        pin.set();
    }

    @Override
    public void on() {
        pin.clear();
    }

    @Override
    public void off() {
        pin.set();
    }

    @Override
    public void toggle() {
        pin.toggle();
    }

    @Override
    public boolean read() {
        return !pin.read();
    }
}
