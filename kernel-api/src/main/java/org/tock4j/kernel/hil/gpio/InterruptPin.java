package org.tock4j.kernel.hil.gpio;

/** A pin with edge interrupts. Tock counterpart: {@code hil::gpio::InterruptPin}. */
public interface InterruptPin extends Pin, Interrupt {}
