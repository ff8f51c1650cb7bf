/**
 * Sensor HILs.
 *
 * <pre>{@code
 * temp.setClient(value -> ...);   // hundredths of a degree Celsius
 * temp.readTemperature();
 * }</pre>
 */
package org.tock4j.kernel.hil.sensors;
