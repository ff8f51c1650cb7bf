package org.tock4j.capsules.core.console;

/**
 * A process's console state, kept in its grant.
 *
 * <p>Tock counterpart: {@code capsules_core::console::App}.
 */
public final class App {
    /** Bytes of the current write (what the write-done upcall reports). */
    int writeLen;
    /** Bytes of the current write not yet handed to the UART. */
    int writeRemaining;
    /** A write waits for another process's transmission to finish. */
    boolean pendingWrite;
    /** Bytes of the current read. */
    int readLen;
}
