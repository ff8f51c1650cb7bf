package org.tock4j.kernel.hil.gpio;

/** How a pin is configured. Tock counterpart: {@code hil::gpio::Configuration}. */
public enum Configuration {
    LowPower,
    Input,
    Output,
    InputOutput,
    Function,
    Other
}
