package org.tock4j.kernel.hil.gpio;

/** Whether "active" means a high or a low level. Tock counterpart: {@code hil::gpio::ActivationMode}. */
public enum ActivationMode {
    ActiveHigh,
    ActiveLow
}
