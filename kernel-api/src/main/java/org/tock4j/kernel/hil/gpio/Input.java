package org.tock4j.kernel.hil.gpio;

/** Reads a pin. Tock counterpart: {@code hil::gpio::Input}. */
public interface Input {

    boolean read();

    default ActivationState readActivation(ActivationMode mode) {
        boolean active = read() == (mode == ActivationMode.ActiveHigh);
        return active ? ActivationState.Active : ActivationState.Inactive;
    }
}
