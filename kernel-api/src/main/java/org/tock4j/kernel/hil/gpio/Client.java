package org.tock4j.kernel.hil.gpio;

/** Told when a pin interrupt fires. Tock counterpart: {@code hil::gpio::Client}. */
@FunctionalInterface
public interface Client {
    void fired();
}
