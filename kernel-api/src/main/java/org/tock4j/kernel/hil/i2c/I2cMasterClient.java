package org.tock4j.kernel.hil.i2c;

import org.tock4j.kernel.Result;

/** Told when an I2C transfer ends. Tock counterpart: {@code hil::i2c::I2CHwMasterClient}. */
@FunctionalInterface
public interface I2cMasterClient {
    void commandComplete(byte[] buffer, Result<Void, I2cError> status);
}
