package org.tock4j.kernel.hil.gpio;

/** Whether a pin is logically active. Tock counterpart: {@code hil::gpio::ActivationState}. */
public enum ActivationState {
    Inactive,
    Active
}
