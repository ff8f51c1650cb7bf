package org.tock4j.kernel.process;

/**
 * Why a process stopped executing and handed the CPU back to the scheduler.
 *
 * <p>Tock counterpart: {@code kernel::process::StoppedExecutingReason}.
 */
public enum StoppedExecutingReason {
    /** The process returned because it is no longer ready to run. */
    NoWorkLeft,
    /** The process faulted and its fault policy stopped it. */
    StoppedFaulted,
    /** The process was put in the stopped state while running. */
    Stopped,
    /** The process used up its timeslice. */
    TimesliceExpired,
    /** The kernel wanted to run its own work (interrupts, deferred calls). */
    KernelPreemption
}
