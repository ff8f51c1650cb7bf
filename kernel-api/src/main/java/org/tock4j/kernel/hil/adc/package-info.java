/**
 * The ADC HIL.
 *
 * <pre>{@code
 * adc.setClient(sample -> ...);
 * adc.sample(0);
 * }</pre>
 */
package org.tock4j.kernel.hil.adc;
