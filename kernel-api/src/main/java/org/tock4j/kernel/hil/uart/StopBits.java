package org.tock4j.kernel.hil.uart;

/** Tock counterpart: {@code hil::uart::StopBits}. */
public enum StopBits {
    One,
    Two
}
