/**
 * The GPIO capsule: userspace drives, reads and watches general-purpose pins. Exported for the
 * {@link org.tock4j.capsules.core.gpio.GpioPins} a board binds; {@code GpioComponent} builds the capsule.
 *
 * <pre>{@code
 * // in a board module: GPIO 0, 1 and 3 (2 is left empty)
 * @Provides GpioPins gpioPins(Nrf52840 nrf) {
 *     return GpioPins.byNumber(Map.of(0, nrf.gpioPin(1, 1), 1, nrf.gpioPin(1, 2), 3, nrf.gpioPin(1, 4)));
 * }
 * }</pre>
 */
package org.tock4j.capsules.core.gpio;
