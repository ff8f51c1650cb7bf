package org.tock4j.kernel.deferred;

/**
 * A board's deferred calls: at most 32, serviced lowest number first.
 *
 * <p>Tock counterpart: the statics of {@code kernel::deferred_call} ({@code DeferredCall::new},
 * {@code has_tasks}, {@code service_next_pending}, {@code verify_setup}).
 */
public interface DeferredCalls {

    /** The most deferred calls a board can have, as in Tock. */
    int MAX = 32;

    /** A new deferred call; it must be registered before the kernel loop starts. */
    DeferredCall create();

    boolean hasTasks();

    /** Runs the lowest-numbered pending call; returns its number, or -1 if none was pending. */
    int serviceNextPending();

    /** Panics if more than {@link #MAX} calls exist or one was never registered. */
    void verifySetup();
}
