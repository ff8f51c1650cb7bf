package org.tock4j.kernel.core;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread per JVM that watches every board's watched CPU handoffs
 * ({@link CpuToken#transferTo(Thread, long, java.util.function.BooleanSupplier)}): a thread that has waited a
 * whole check period for the CPU to come back is woken to ask whether to take it back.
 *
 * <pre>
 *   every scan: for each token ── a waiter, the same handoff as at the last scan, for a whole period?
 *                                   └─ yes: mark the check due for that handoff, unpark the waiter
 * </pre>
 *
 * <p>Waiting threads therefore park without a timeout: a handoff costs an unpark and a park, not a timer
 * scheduled and cancelled each time (a virtual thread's timed park goes through the scheduler's delay queue
 * and its thread, which would double the cost of every switch to a process).
 *
 * <p>Tock counterpart: none (a hardware watchdog is the closest).
 */
final class HandoffWatchdog {
    private static final long LONGEST_SCAN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SHORTEST_SCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A period is checked within this fraction of itself after it ends. */
    private static final int SCANS_PER_PERIOD = 4;

    private static final ConcurrentLinkedQueue<WeakReference<CpuToken>> TOKENS = new ConcurrentLinkedQueue<>();
    private static volatile Thread thread;

    private HandoffWatchdog() {}

    /** Starts watching {@code token} (once per token, at its first watched handoff). */
    static void watch(CpuToken token) {
        TOKENS.add(new WeakReference<>(token));
        if (thread == null) {
            start();
        }
    }

    private static synchronized void start() {
        if (thread == null) {
            Thread watchdog = Thread.ofPlatform().name("tock4j-handoff-watchdog").daemon(true)
                    .unstarted(HandoffWatchdog::run);
            thread = watchdog;
            watchdog.start();
        }
    }

    private static void run() {
        while (true) {
            long shortestPeriod = scan(System.nanoTime());
            long sleep = Math.clamp(shortestPeriod / SCANS_PER_PERIOD, SHORTEST_SCAN_NANOS, LONGEST_SCAN_NANOS);
            LockSupport.parkNanos(sleep);
        }
    }

    /** One pass over the tokens; returns the shortest check period among those waiting. */
    private static long scan(long now) {
        long shortest = Long.MAX_VALUE;
        for (Iterator<WeakReference<CpuToken>> it = TOKENS.iterator(); it.hasNext(); ) {
            CpuToken token = it.next().get();
            if (token == null) {
                it.remove();
                continue;
            }
            long period = token.watchedPeriod();
            if (period > 0) {
                shortest = Math.min(shortest, period);
            }
            token.watchdogScan(now);
        }
        return shortest;
    }
}
