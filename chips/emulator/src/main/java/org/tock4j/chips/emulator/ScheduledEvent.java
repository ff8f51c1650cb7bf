package org.tock4j.chips.emulator;

/**
 * An action waiting on the {@link VirtualClock}: when it is due and whether it still will run.
 *
 * <p>Tock counterpart: none; on hardware, time simply passes.
 */
public final class ScheduledEvent {
    private final long timeNs;
    private final long sequence;
    private final Runnable action;
    private boolean pending = true;

    ScheduledEvent(long timeNs, long sequence, Runnable action) {
        this.timeNs = timeNs;
        this.sequence = sequence;
        this.action = action;
    }

    /** The virtual time, in nanoseconds since reset, at which the action runs. */
    public long timeNs() {
        return timeNs;
    }

    /** True until the action has run or the event was cancelled. */
    public boolean isPending() {
        return pending;
    }

    /** Stops the action from running; returns whether it was still pending. */
    public boolean cancel() {
        boolean was = pending;
        pending = false;
        return was;
    }

    long sequence() {
        return sequence;
    }

    /** Runs the action if still pending. */
    void fire() {
        if (pending) {
            pending = false;
            action.run();
        }
    }

    @Override
    public String toString() {
        return "ScheduledEvent[at " + timeNs + " ns" + (pending ? "" : ", done") + "]";
    }
}
