package org.tock4j.kernel.hil.i2c;

import org.tock4j.kernel.ErrorCode;

/** What went wrong on the I2C bus. Tock counterpart: {@code hil::i2c::Error}. */
public enum I2cError {
    AddressNak,
    DataNak,
    ArbitrationLost,
    Overrun,
    NotSupported,
    Busy;

    /** Tock's {@code From<Error> for ErrorCode}. */
    public ErrorCode toErrorCode() {
        return switch (this) {
            case AddressNak, DataNak -> ErrorCode.NOACK;
            case ArbitrationLost -> ErrorCode.RESERVE;
            case Overrun -> ErrorCode.SIZE;
            case NotSupported -> ErrorCode.NOSUPPORT;
            case Busy -> ErrorCode.BUSY;
        };
    }
}
