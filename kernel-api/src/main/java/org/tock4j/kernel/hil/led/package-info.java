/**
 * The LED HIL, and LEDs built on GPIO pins (active high or active low).
 *
 * <pre>{@code
 * Led led = new LedLow(chip.gpioPort().pin(13));
 * led.init();
 * led.on();
 * }</pre>
 */
package org.tock4j.kernel.hil.led;
