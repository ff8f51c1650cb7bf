package org.tock4j.kernel.hil.uart;

/** Tock counterpart: {@code hil::uart::Parity}. */
public enum Parity {
    None,
    Odd,
    Even
}
