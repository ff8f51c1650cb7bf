package org.tock4j.kernel.hil.i2c;

import org.tock4j.kernel.Result;

/**
 * An I2C controller, split-phase. Addresses are 7-bit.
 *
 * <p>Tock counterpart: {@code hil::i2c::I2CMaster}.
 */
public interface I2cMaster {
    void setMasterClient(I2cMasterClient client);

    void enable();

    void disable();

    /** Writes {@code writeLen} bytes of {@code data}, then reads {@code readLen} bytes into it. */
    Result<Void, RejectedBuffer> writeRead(int addr, byte[] data, int writeLen, int readLen);

    Result<Void, RejectedBuffer> write(int addr, byte[] data, int len);

    Result<Void, RejectedBuffer> read(int addr, byte[] buffer, int len);

    /** A buffer handed back because the transfer could not start. */
    record RejectedBuffer(I2cError error, byte[] buffer) {}
}
