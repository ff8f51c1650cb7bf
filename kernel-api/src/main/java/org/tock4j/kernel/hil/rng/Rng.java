package org.tock4j.kernel.hil.rng;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * A source of random 32-bit words, split-phase.
 *
 * <p>Tock counterpart: {@code hil::rng::Rng}.
 */
public interface Rng {
    /** Starts producing randomness; the client is called when some is available. */
    Result<Void, ErrorCode> get();

    /** Stops; {@code OFF} if nothing was requested. */
    Result<Void, ErrorCode> cancel();

    void setClient(Client client);
}
