package org.tock4j.kernel.hil.spi;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** Told when an SPI transfer ends. Tock counterpart: {@code hil::spi::SpiMasterClient}. */
@FunctionalInterface
public interface SpiMasterClient {
    /** Both buffers come back; {@code status} holds the length transferred or the error. */
    void readWriteDone(byte[] writeBuffer, byte[] readBuffer, Result<Integer, ErrorCode> status);
}
