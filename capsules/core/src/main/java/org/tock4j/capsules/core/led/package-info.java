/**
 * Internal: the LED capsule, the board's LEDs by index.
 *
 * <pre>{@code
 * LedDriver leds = new LedDriver(List.of(led0, led1));   // as LedComponent does
 * }</pre>
 */
package org.tock4j.capsules.core.led;
