package org.tock4j.capsules.core.rng;

/**
 * A process's randomness request, kept in its grant.
 *
 * <p>Tock counterpart: {@code capsules_core::rng::App}.
 */
public final class App {
    /** Bytes still wanted (an unsigned 32-bit count). */
    long remaining;
    /** Where in the allowed buffer the next byte goes. */
    int idx;
}
