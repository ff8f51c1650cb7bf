package org.tock4j.kernel.hil.gpio;

/** Which edges raise a pin interrupt. Tock counterpart: {@code hil::gpio::InterruptEdge}. */
public enum InterruptEdge {
    RisingEdge,
    FallingEdge,
    EitherEdge
}
