package org.tock4j.chips.emulator;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Pacing that makes an idle chip wait on the wall clock, so virtual time advances with real time.
 *
 * <p>Virtual time is anchored to the wall clock the first time the chip sleeps. While processes run the
 * virtual clock may get ahead (their cycles cost no real time); the next sleep then waits the difference.
 * If the host falls behind by more than {@value #MAX_LAG_NS} ns (a debugger pause, a slow machine), the
 * anchor moves so that virtual time does not race to catch up. {@link #wakeUp()} ends a sleep early from any
 * thread; the clock then stands at the virtual time that corresponds to the moment of waking.
 *
 * <p>This is the only place in the emulator that reads the wall clock. It parks with {@link LockSupport} and
 * holds no monitor, so it never pins a virtual thread's carrier.
 *
 * <p>Tock counterpart: none.
 */
public final class Realtime implements Pacing {
    /** How far behind the wall clock virtual time may fall before the anchor is moved. */
    public static final long MAX_LAG_NS = 50_000_000L;

    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Thread sleeper;
    private boolean anchored;
    private long wallAnchorNs;
    private long virtualAnchorNs;

    @Override
    public long awaitVirtualTime(long nowNs, long targetNs) {
        long wallNow = System.nanoTime();
        if (!anchored || wallNow - wallTimeOf(nowNs) > MAX_LAG_NS) {
            anchored = true;
            wallAnchorNs = wallNow;
            virtualAnchorNs = nowNs;
        }
        sleeper = Thread.currentThread();
        try {
            while (true) {
                if (woken.getAndSet(false)) {
                    long reached = virtualAnchorNs + (System.nanoTime() - wallAnchorNs);
                    return Math.max(nowNs, Math.min(targetNs, reached));
                }
                if (targetNs == Long.MAX_VALUE) {
                    LockSupport.park(this);
                    continue;
                }
                long remaining = wallTimeOf(targetNs) - System.nanoTime();
                if (remaining <= 0) {
                    return targetNs;
                }
                LockSupport.parkNanos(this, remaining);
            }
        } finally {
            sleeper = null;
        }
    }

    @Override
    public void wakeUp() {
        woken.set(true);
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private long wallTimeOf(long virtualNs) {
        return wallAnchorNs + (virtualNs - virtualAnchorNs);
    }

    @Override
    public String toString() {
        return "Realtime";
    }
}
