package org.tock4j.kernel.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one CPU of a board, as a token passed between threads: the kernel's thread and each process's thread.
 * Only the holder runs; everyone else is parked. Handing it over is an unpark and a park, never a lock, so
 * virtual threads stay unpinned.
 *
 * <pre>
 *   kernel thread ── transferTo(process thread) ──► parked until the token comes back
 *   process thread ─ (runs the app) ─ transferTo(kernel thread) ──► parked until switched to again
 * </pre>
 *
 * <p>Tock counterpart: none; on hardware the CPU simply is where it is.
 */
public final class CpuToken {
    private static final VarHandle OWNER;
    private static final VarHandle WAITER;
    private static final VarHandle HANDOFF;
    private static final VarHandle PERIOD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(CpuToken.class, "owner", Thread.class);
            WAITER = lookup.findVarHandle(CpuToken.class, "watchedWaiter", Thread.class);
            HANDOFF = lookup.findVarHandle(CpuToken.class, "watchedHandoff", long.class);
            PERIOD = lookup.findVarHandle(CpuToken.class, "watchedPeriod", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Thread owner;

    // The watched handoff in progress, published for the HandoffWatchdog with release/opaque writes (no fence
    // on the handoff's path); only the CPU's holder starts a handoff, so there is one writer at a time.
    private boolean watched;
    private Thread watchedWaiter;
    private long watchedHandoff;
    private long watchedPeriod;
    /** The handoff the watchdog found waited on for a whole period: its waiter must check now. */
    private volatile long checkDueFor = -1;
    // The watchdog thread's own notes: the handoff it saw last and since when.
    private long seenHandoff = -1;
    private long seenSinceNanos;

    /** A CPU no thread holds yet. */
    public CpuToken() {}

    /** Makes the calling thread the holder (a board run starting on a new thread). */
    public void claim() {
        owner = Thread.currentThread();
    }

    /** Whether the calling thread holds the CPU. */
    public boolean heldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** Hands the CPU to {@code to} and waits until it comes back to the calling thread. */
    public void transferTo(Thread to) {
        Thread me = Thread.currentThread();
        owner = to;
        LockSupport.unpark(to);
        awaitOwnership(me);
    }

    /**
     * Hands the CPU to {@code to} and waits until it comes back, as {@link #transferTo(Thread)}, but with a
     * watchdog: after every {@code checkEveryNanos} of wall time without the CPU, asks {@code reclaim} whether
     * to take it back by force. {@code reclaim} must answer true only when {@code to} can no longer hand the CPU
     * on (its holder abandoned it); the CPU then returns to the calling thread at once.
     *
     * @return true if the CPU came back, false if it was taken back from {@code to}
     */
    public boolean transferTo(Thread to, long checkEveryNanos, BooleanSupplier reclaim) {
        Thread me = Thread.currentThread();
        if (!watched) {
            watched = true;
            HandoffWatchdog.watch(this);
        }
        // The calling thread parks without a timeout; the watchdog wakes it once it has waited a whole period
        // (see HandoffWatchdog), naming this handoff so that a late wake-up meant for an earlier one is ignored.
        long handoff = watchedHandoff + 1;
        PERIOD.setOpaque(this, checkEveryNanos);
        HANDOFF.setOpaque(this, handoff);
        WAITER.setRelease(this, me);
        owner = to;
        LockSupport.unpark(to);
        try {
            while (owner != me) {
                LockSupport.park(this);
                if (checkDueFor != handoff) {
                    continue;
                }
                checkDueFor = -1;
                if (owner == to && reclaim.getAsBoolean()) {
                    // The holder can no longer move the token (it was abandoned while holding it), so this cannot
                    // race with a hand-over; compare-and-set all the same.
                    if (OWNER.compareAndSet(this, to, me)) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            WAITER.setRelease(this, (Thread) null);
        }
    }

    /** The check period of the watched handoff in progress, or 0 (for the watchdog). */
    long watchedPeriod() {
        return WAITER.getAcquire(this) == null ? 0 : (long) PERIOD.getOpaque(this);
    }

    /**
     * The watchdog's look at this token at {@code now}: if the same watched handoff has been waited on for a
     * whole period since it first saw it, the waiter is told to check.
     */
    void watchdogScan(long now) {
        Thread waiter = (Thread) WAITER.getAcquire(this);
        if (waiter == null) {
            seenHandoff = -1;
            return;
        }
        long handoff = (long) HANDOFF.getOpaque(this);
        if (handoff != seenHandoff) {
            seenHandoff = handoff;
            seenSinceNanos = now;
            return;
        }
        if (now - seenSinceNanos >= (long) PERIOD.getOpaque(this)) {
            seenSinceNanos = now;
            checkDueFor = handoff;
            LockSupport.unpark(waiter);
        }
    }

    /** Hands the CPU to {@code to} without waiting for it (the calling thread is about to end). */
    public void giveTo(Thread to) {
        owner = to;
        LockSupport.unpark(to);
    }

    /** Parks the calling thread until it holds the CPU. */
    public void awaitOwnership() {
        awaitOwnership(Thread.currentThread());
    }

    private void awaitOwnership(Thread me) {
        while (owner != me) {
            LockSupport.park(this);
        }
    }
}
