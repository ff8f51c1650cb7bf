package org.tock4j.chips.emulator;

/**
 * An interrupt request signal from a peripheral to the interrupt controller, level-sensitive as on the nRF52:
 * a peripheral keeps its line asserted while any of its enabled events is set.
 *
 * <pre>{@code
 * line.setLevel(eventsEndtx && intenEndtx);   // recomputed after every register change
 * }</pre>
 *
 * <p>Tock counterpart: none (hardware wiring between a peripheral and the NVIC).
 */
@FunctionalInterface
public interface InterruptLine {

    /** Drives the line: {@code true} requests the interrupt. */
    void setLevel(boolean asserted);

    default void raise() {
        setLevel(true);
    }

    default void lower() {
        setLevel(false);
    }

    /** A line connected to nothing. */
    InterruptLine DISCONNECTED = asserted -> {};
}
