/**
 * The I2C HIL.
 *
 * <pre>{@code
 * i2c.setMasterClient((buffer, status) -> ...);
 * i2c.writeRead(0x40, buffer, 1, 2);
 * }</pre>
 */
package org.tock4j.kernel.hil.i2c;
