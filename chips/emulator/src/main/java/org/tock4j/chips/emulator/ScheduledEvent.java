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
    private final VirtualClock clock;
    private boolean pending = true;

    ScheduledEvent(long timeNs, long sequence, Runnable action, VirtualClock clock) {
        this.timeNs = timeNs;
        this.sequence = sequence;
        this.action = action;
        this.clock = clock;
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
        if (was) {
            clock.cancelled();
        }
        return was;
    }

    /** Orders events by time, then by the order they were scheduled in. */
    int compareTo(ScheduledEvent other) {
        int byTime = Long.compare(timeNs, other.timeNs);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
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
