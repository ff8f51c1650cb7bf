/**
 * Internal: the temperature capsule, one sensor reading shared by the processes waiting for it.
 *
 * <pre>{@code
 * TemperatureSensor temperature = new TemperatureSensor(sensor, grant);   // as TemperatureComponent does
 * sensor.setClient(temperature);
 * }</pre>
 */
package org.tock4j.capsules.core.temperature;
