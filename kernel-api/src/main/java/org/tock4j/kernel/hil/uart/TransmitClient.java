package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** Told when a transmission ends. Tock counterpart: {@code hil::uart::TransmitClient}. */
public interface TransmitClient {

    default void transmittedWord(Result<Void, ErrorCode> rval) {}

    /** The buffer comes back with how many bytes went out; {@code CANCEL} after an abort. */
    void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval);
}
