package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** Told when a reception ends. Tock counterpart: {@code hil::uart::ReceiveClient}. */
public interface ReceiveClient {

    default void receivedWord(int word, Result<Void, ErrorCode> rval, UartError error) {}

    /** The buffer comes back with how many bytes arrived; {@code CANCEL} after an abort. */
    void receivedBuffer(byte[] rxBuffer, int rxLen, Result<Void, ErrorCode> rval, UartError error);
}
