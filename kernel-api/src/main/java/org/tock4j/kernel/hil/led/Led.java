package org.tock4j.kernel.hil.led;

/**
 * A single LED.
 *
 * <p>Tock counterpart: {@code kernel::hil::led::Led}.
 */
public interface Led {

    /** Configures the LED's pin as an output and turns it off. */
    void init();

    void on();

    void off();

    void toggle();

    /** Whether the LED is on. */
    boolean read();
}
