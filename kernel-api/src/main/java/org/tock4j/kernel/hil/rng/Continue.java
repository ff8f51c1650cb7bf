package org.tock4j.kernel.hil.rng;

/** Whether a client wants more randomness. Tock counterpart: {@code hil::rng::Continue}. */
public enum Continue {
    More,
    Done
}
