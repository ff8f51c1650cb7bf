package org.tock4j.capsules.core.button;

/**
 * A process's button state, kept in its grant: which buttons it enabled interrupts for.
 *
 * <p>Tock counterpart: {@code capsules_core::button::App}.
 */
public final class App {
    /** Bit {@code i} is set while the process listens to button {@code i} (Tock's {@code SubscribeMap}). */
    int subscribeMap;
}
