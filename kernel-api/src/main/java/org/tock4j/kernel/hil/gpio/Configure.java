package org.tock4j.kernel.hil.gpio;

/** Configures a pin's direction and pulls. Tock counterpart: {@code hil::gpio::Configure}. */
public interface Configure {

    Configuration configuration();

    Configuration makeOutput();

    Configuration disableOutput();

    Configuration makeInput();

    Configuration disableInput();

    void deactivateToLowPower();

    void setFloatingState(FloatingState state);

    FloatingState floatingState();

    default boolean isInput() {
        Configuration c = configuration();
        return c == Configuration.Input || c == Configuration.InputOutput;
    }

    default boolean isOutput() {
        Configuration c = configuration();
        return c == Configuration.Output || c == Configuration.InputOutput;
    }
}
