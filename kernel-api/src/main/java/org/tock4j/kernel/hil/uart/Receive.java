package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * Receives bytes, split-phase.
 *
 * <p>Tock counterpart: {@code hil::uart::Receive}.
 */
public interface Receive {

    void setReceiveClient(ReceiveClient client);

    /** Receives {@code rxLen} bytes into {@code rxBuffer}; {@code BUSY} while a reception is in flight. */
    Result<Void, RejectedBuffer> receiveBuffer(byte[] rxBuffer, int rxLen);

    Result<Void, ErrorCode> receiveWord();

    /** Cancels a reception; {@code BUSY} means the client will be told with {@code CANCEL}. */
    Result<Void, ErrorCode> receiveAbort();
}
