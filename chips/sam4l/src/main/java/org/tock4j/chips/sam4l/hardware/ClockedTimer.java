package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;

/**
 * A one-shot delay that only counts while a peripheral's clock runs: when the PM masks the clock the
 * remaining time is frozen, and it resumes when the clock comes back. This is how every SAM4L model
 * "does not run" while gated.
 *
 * <pre>{@code
 * ClockedTimer frame = new ClockedTimer(clock, usartClock);
 * frame.start(86_875, this::frameDone);      // fires 86.875 µs of clocked time from now
 * }</pre>
 */
public final class ClockedTimer {
    private final VirtualClock clock;
    private final PeripheralClock gate;
    private Runnable action;
    private ScheduledEvent event;
    private long remainingNs = -1;

    public ClockedTimer(VirtualClock clock, PeripheralClock gate) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        gate.addListener(this::gateChanged);
    }

    /** Runs {@code what} after {@code delayNs} of running clock; replaces a pending one. */
    public void start(long delayNs, Runnable what) {
        cancel();
        this.action = Objects.requireNonNull(what, "action");
        if (gate.running()) {
            event = clock.scheduleAfter(Math.max(0, delayNs), this::fire);
        } else {
            remainingNs = Math.max(0, delayNs);
        }
    }

    /** Runs {@code what} at {@code timeNs} (or now if past), if the clock keeps running until then. */
    public void startAt(long timeNs, Runnable what) {
        start(Math.max(0, timeNs - clock.now()), what);
    }

    public void cancel() {
        if (event != null) {
            event.cancel();
            event = null;
        }
        remainingNs = -1;
        action = null;
    }

    public boolean isPending() {
        return (event != null && event.isPending()) || remainingNs >= 0;
    }

    /** When it fires, if counting now; -1 when idle or frozen. */
    public long dueNs() {
        return event != null && event.isPending() ? event.timeNs() : -1;
    }

    private void fire() {
        event = null;
        Runnable what = action;
        action = null;
        if (what != null) {
            what.run();
        }
    }

    private void gateChanged(boolean running) {
        if (!running && event != null && event.isPending()) {
            remainingNs = event.timeNs() - clock.now();
            event.cancel();
            event = null;
        } else if (running && remainingNs >= 0) {
            long delay = remainingNs;
            remainingNs = -1;
            event = clock.scheduleAfter(delay, this::fire);
        }
    }
}
