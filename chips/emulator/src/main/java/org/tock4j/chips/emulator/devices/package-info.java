/**
 * Models of parts a board wires to a chip's buses: devices that answer on an {@link
 * org.tock4j.chips.emulator.world.I2cBus} or {@link org.tock4j.chips.emulator.world.SpiBus} as the real
 * parts do, timed on the board's virtual clock and measuring {@link
 * org.tock4j.chips.emulator.world.SensorValue}s.
 *
 * <pre>{@code
 * SensorValue temperature = new SensorValue("temperature", "°C", 22.0, clock);
 * SensorValue humidity = new SensorValue("humidity", "%RH", 45.0, clock);
 * Si7021Model si7021 = new Si7021Model(clock, temperature, humidity);
 * chip.i2cBus(2).attach(si7021);                 // answers 0x40
 * temperature.set(23.5);                         // what the next conversion measures
 * }</pre>
 */
package org.tock4j.chips.emulator.devices;
