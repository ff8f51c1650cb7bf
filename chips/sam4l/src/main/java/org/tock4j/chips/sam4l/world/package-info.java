/**
 * The SAM4L's analog outside world: voltages applied to its ADC pins.
 *
 * <pre>{@code
 * chip.analogInput(3).setMillivolts(2500);
 * chip.adc().sample(3);          // the client later gets 2500 / 3300 × 4095, left-justified
 * }</pre>
 */
package org.tock4j.chips.sam4l.world;
