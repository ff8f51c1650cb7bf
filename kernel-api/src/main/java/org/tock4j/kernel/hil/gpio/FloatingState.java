package org.tock4j.kernel.hil.gpio;

/** Pull resistor configuration of an input. Tock counterpart: {@code hil::gpio::FloatingState}. */
public enum FloatingState {
    PullUp,
    PullDown,
    PullNone
}
