package org.tock4j.chips.emulator;

/**
 * Pacing that jumps straight to the next event: idle time costs nothing and the wall clock is never read.
 *
 * <p>Tock counterpart: none.
 */
public final class FullSpeed implements Pacing {
    static final FullSpeed INSTANCE = new FullSpeed();

    /** Stateless: every instance behaves, and compares, the same. */
    public FullSpeed() {}

    @Override
    public long awaitVirtualTime(long nowNs, long targetNs) {
        // Nothing can happen without an event or a horizon: stay where we are.
        return targetNs == Long.MAX_VALUE ? nowNs : targetNs;
    }

    @Override
    public void wakeUp() {}

    @Override
    public boolean equals(Object other) {
        return other instanceof FullSpeed;
    }

    @Override
    public int hashCode() {
        return FullSpeed.class.hashCode();
    }

    @Override
    public String toString() {
        return "FullSpeed";
    }
}
