package org.tock4j.capsules.core.lowleveldebug;

import java.util.Optional;

/**
 * A process's queue of messages waiting for the UART, kept in its grant; oldest first, empty slots last.
 *
 * <p>Tock counterpart: {@code capsules_core::low_level_debug::AppData}.
 */
public final class AppData {
    /** Entries a process can queue while the UART is busy. */
    static final int QUEUE_SIZE = 4;

    private final DebugEntry[] queue = new DebugEntry[QUEUE_SIZE];

    /**
     * Queues {@code entry}; when the queue is full the last slot counts what was lost instead: it becomes
     * {@code Dropped(2)} (the entry it held and this one), or its drop count grows by one.
     */
    void push(DebugEntry entry) {
        for (int i = 0; i < QUEUE_SIZE; i++) {
            if (queue[i] == null) {
                queue[i] = entry;
                return;
            }
        }
        queue[QUEUE_SIZE - 1] = queue[QUEUE_SIZE - 1] instanceof DebugEntry.Dropped(int count)
                ? new DebugEntry.Dropped(count + 1)
                : new DebugEntry.Dropped(2);
    }

    /** Takes the oldest entry: rotates the queue left by one and empties the last slot, as Tock does. */
    Optional<DebugEntry> pop() {
        DebugEntry first = queue[0];
        System.arraycopy(queue, 1, queue, 0, QUEUE_SIZE - 1);
        queue[QUEUE_SIZE - 1] = null;
        return Optional.ofNullable(first);
    }
}
