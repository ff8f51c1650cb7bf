package org.tock4j.capsules.core.button;

import java.util.Objects;

import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptPin;

/**
 * One button as a board wires it: the pin, the level that means "pressed", and the pull resistor the pin
 * needs. A board binds its buttons as a {@code List<ButtonPin>}, in the order userspace numbers them.
 *
 * <pre>{@code
 * @Provides List<ButtonPin> buttons(Nrf52840 nrf) {
 *     return List.of(new ButtonPin(nrf.gpioPin(0, 11), ActivationMode.ActiveLow, FloatingState.PullUp));
 * }
 * }</pre>
 *
 * <p>Tock counterpart: the {@code (pin, ActivationMode, FloatingState)} triples of
 * {@code components::button_component_helper!}.
 *
 * @param pin the input pin, with edge interrupts
 * @param mode whether the button reads high or low when pressed
 * @param floating the pull resistor configured when the capsule is built
 */
public record ButtonPin(InterruptPin pin, ActivationMode mode, FloatingState floating) {
    public ButtonPin {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(floating, "floating");
    }
}
