package org.tock4j.kernel.hil.gpio;

/** Drives a pin. Tock counterpart: {@code hil::gpio::Output}. */
public interface Output {

    void set();

    void clear();

    /** Toggles the pin; returns the new level. */
    boolean toggle();

    default void writeActivation(ActivationState state, ActivationMode mode) {
        boolean high = (state == ActivationState.Active) == (mode == ActivationMode.ActiveHigh);
        if (high) {
            set();
        } else {
            clear();
        }
    }
}
