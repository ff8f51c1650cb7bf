package org.tock4j.kernel.scheduler;

import java.util.OptionalInt;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.StoppedExecutingReason;

/**
 * A scheduling policy: which process runs next, for how long, and when the kernel's own work comes first.
 *
 * <pre>
 *   kernelLoopOperation:  doKernelWorkNow? ── yes ──► executeKernelWork
 *                                         └─ no ──► next() ── RunProcess ──► doProcess ──► result(reason, time)
 *                                                          └─ TrySleep ───► chip.sleep()
 *   doProcess, each round: continueProcess? ── no ──► KernelPreemption
 * </pre>
 *
 * <p>Deferred calls are per board here, so the default methods take the board's {@link DeferredCalls} where
 * Tock reads its global {@code DeferredCall}.
 *
 * <p>Tock counterpart: {@code kernel::scheduler::Scheduler}.
 */
public interface Scheduler {

    SchedulingDecision next();

    /** Told why the process chosen by {@link #next()} stopped and how long it ran (empty: cooperatively). */
    void result(StoppedExecutingReason result, OptionalInt executionTimeUs);

    /** Services interrupts, then deferred calls while no interrupt is pending. */
    default void executeKernelWork(Chip chip, DeferredCalls deferredCalls) {
        chip.servicePendingInterrupts();
        while (deferredCalls.hasTasks() && !chip.hasPendingInterrupts()) {
            deferredCalls.serviceNextPending();
        }
    }

    default boolean doKernelWorkNow(Chip chip, DeferredCalls deferredCalls) {
        return chip.hasPendingInterrupts() || deferredCalls.hasTasks();
    }

    default boolean continueProcess(ProcessId id, Chip chip, DeferredCalls deferredCalls) {
        return !(chip.hasPendingInterrupts() || deferredCalls.hasTasks());
    }
}
