package org.tock4j.kernel.core.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Cooperative round robin: processes take turns, each running without a timeslice until it yields, exits or
 * faults. An interrupt still stops the running process (the default {@code continueProcess}): the kernel
 * handles it, and then the same process carries on where it was.
 *
 * <pre>
 *   queue: [A] B C ──► run A (no timeslice) ──► A yields / exits / faults ──► B C A
 *                                          └─► interrupt: KernelPreemption ──► kernel work ──► A again
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::scheduler::cooperative::CooperativeSched}
 * ({@code kernel/src/scheduler/cooperative.rs}).
 */
public final class CooperativeSched implements Scheduler {
    private final Deque<Supplier<Process>> processes = new ArrayDeque<>();

    /**
     * @param slots one entry per process slot of the kernel, each giving the process there (or null); the queue
     *     starts in slot order, as {@link RoundRobinSched}'s does
     */
    public CooperativeSched(List<Supplier<Process>> slots) {
        processes.addAll(slots);
    }

    @Override
    public SchedulingDecision next() {
        Supplier<Process> firstHead = null;
        // The first ready process in the queue; empty slots and processes that are not ready go to the back.
        while (!processes.isEmpty()) {
            Supplier<Process> node = processes.peekFirst();
            if (firstHead == null) {
                firstHead = node;
            } else if (firstHead == node) {
                // A full turn and nothing was ready.
                return SchedulingDecision.TRY_SLEEP;
            }
            Process proc = node.get();
            if (proc != null && proc.ready()) {
                return new SchedulingDecision.RunProcess(proc.processid(), OptionalInt.empty());
            }
            processes.addLast(processes.pollFirst());
        }
        return SchedulingDecision.TRY_SLEEP;
    }

    /** A process the kernel preempted stays at the head and runs again; any other goes to the back. */
    @Override
    public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {
        boolean reschedule = result == StoppedExecutingReason.KernelPreemption;
        if (!reschedule) {
            processes.addLast(processes.pollFirst());
        }
    }
}
