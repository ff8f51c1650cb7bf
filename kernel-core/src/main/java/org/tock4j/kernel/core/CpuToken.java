package org.tock4j.kernel.core;

import java.util.concurrent.locks.LockSupport;

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
    private volatile Thread owner;

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
