package org.tock4j.kernel.hil.gpio;

/** A general-purpose pin. Tock counterpart: {@code hil::gpio::Pin}. */
public interface Pin extends Input, Output, Configure {}
