/**
 * The button capsule: userspace reads the board's buttons and hears their presses. Exported for the
 * {@link org.tock4j.capsules.core.button.ButtonPin} a board binds; {@code ButtonComponent} builds the capsule.
 *
 * <pre>{@code
 * // in a board module
 * @Provides List<ButtonPin> buttons(Nrf52840 nrf) {
 *     return List.of(new ButtonPin(nrf.gpioPin(0, 11), ActivationMode.ActiveLow, FloatingState.PullUp),
 *                    new ButtonPin(nrf.gpioPin(0, 12), ActivationMode.ActiveLow, FloatingState.PullUp));
 * }
 * }</pre>
 */
package org.tock4j.capsules.core.button;
