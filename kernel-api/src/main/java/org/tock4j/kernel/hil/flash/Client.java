package org.tock4j.kernel.hil.flash;

import org.tock4j.kernel.Result;

/** Told when a flash operation completes. Tock counterpart: {@code hil::flash::Client}. */
public interface Client {
    void readComplete(byte[] page, Result<Void, FlashError> result);

    void writeComplete(byte[] page, Result<Void, FlashError> result);

    void eraseComplete(Result<Void, FlashError> result);
}
