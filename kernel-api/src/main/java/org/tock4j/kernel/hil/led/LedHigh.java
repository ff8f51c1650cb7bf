package org.tock4j.kernel.hil.led;

import org.tock4j.kernel.hil.gpio.Pin;

/**
 * An LED lit by driving its pin high.
 *
 * <p>Tock counterpart: {@code kernel::hil::led::LedHigh}.
 */
public final class LedHigh implements Led {
    private final Pin pin;

    public LedHigh(Pin pin) {
        this.pin = pin;
    }

    @Override
    public void init() {
        pin.makeOutput();
        pin.clear();
    }

    @Override
    public void on() {
        pin.set();
    }

    @Override
    public void off() {
        pin.clear();
    }

    @Override
    public void toggle() {
        pin.toggle();
    }

    @Override
    public boolean read() {
        return pin.read();
    }
}
