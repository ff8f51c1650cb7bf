/**
 * The Si7021 temperature and humidity sensor driver, a {@link org.tock4j.kernel.hil.sensors.TemperatureDriver}
 * over an {@link org.tock4j.kernel.hil.i2c.I2cMaster} and an {@link org.tock4j.kernel.hil.time.Alarm}; boards
 * build it and bind it for the {@code "temperature"} capsule, as Tock's imix and Hail do.
 *
 * <pre>{@code
 * VirtualMuxAlarm alarm = new VirtualMuxAlarm(muxAlarm);
 * alarm.setup();
 * Si7021 si7021 = new Si7021(chip.i2c(2), Si7021.DEFAULT_ADDRESS, alarm, new byte[Si7021.BUFFER_LEN]);
 * chip.i2c(2).setMasterClient(si7021);
 * alarm.setAlarmClient(si7021);
 * bind(TemperatureDriver.class).toInstance(si7021);
 * }</pre>
 */
package org.tock4j.capsules.core.si7021;
