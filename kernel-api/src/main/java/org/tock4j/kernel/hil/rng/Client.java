package org.tock4j.kernel.hil.rng;

import java.util.Iterator;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * Receives random words.
 *
 * <p>Tock counterpart: {@code hil::rng::Client}.
 */
@FunctionalInterface
public interface Client {
    /**
     * Random 32-bit words are available; take as many as needed from {@code randomness}. Return {@code More} to
     * be called again with more.
     */
    Continue randomnessAvailable(Iterator<Integer> randomness, Result<Void, ErrorCode> error);
}
