package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * Sends bytes, split-phase: a request either starts (the client is told later) or fails at once and hands the
 * buffer back (no callback).
 *
 * <p>Tock counterpart: {@code hil::uart::Transmit}.
 */
public interface Transmit {

    void setTransmitClient(TransmitClient client);

    /** Sends the first {@code txLen} bytes; {@code BUSY} while a transmission is in flight, {@code SIZE} if too long. */
    Result<Void, RejectedBuffer> transmitBuffer(byte[] txBuffer, int txLen);

    Result<Void, ErrorCode> transmitWord(int word);

    /** Cancels a transmission; {@code BUSY} means the client will be told with {@code CANCEL}. */
    Result<Void, ErrorCode> transmitAbort();
}
