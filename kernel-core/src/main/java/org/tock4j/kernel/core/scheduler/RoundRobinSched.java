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
 * Round robin: processes take turns with a fixed timeslice; one preempted by the kernel resumes with what is
 * left of its slice.
 *
 * <pre>
 *   queue: [A] B C ──► run A (10 ms) ──► result: A used it up / had nothing to do ──► B C A
 *                                    └─► result: kernel preempted A with time left ──► A again, rest of slice
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::scheduler::round_robin::RoundRobinSched}.
 */
public final class RoundRobinSched implements Scheduler {
    /** Tock's {@code DEFAULT_TIMESLICE_US}. */
    public static final int DEFAULT_TIMESLICE_US = 10_000;

    private final Deque<Supplier<Process>> processes = new ArrayDeque<>();
    private final int timesliceLength;
    private int timeRemaining;
    private boolean lastRescheduled;

    /**
     * @param slots one entry per process slot of the kernel, each giving the process there (or null)
     */
    public RoundRobinSched(List<Supplier<Process>> slots) {
        this(slots, DEFAULT_TIMESLICE_US);
    }

    public RoundRobinSched(List<Supplier<Process>> slots, int timesliceUs) {
        if (timesliceUs <= 0) {
            throw new IllegalArgumentException("timeslice must be positive: " + timesliceUs);
        }
        this.processes.addAll(slots);
        this.timesliceLength = timesliceUs;
        this.timeRemaining = timesliceUs;
    }

    @Override
    public SchedulingDecision next() {
        Supplier<Process> firstHead = null;
        Process next = null;
        while (!processes.isEmpty()) {
            Supplier<Process> node = processes.peekFirst();
            if (firstHead == null) {
                firstHead = node;
            } else if (firstHead == node) {
                // Went all the way round: nothing is ready.
                return SchedulingDecision.TRY_SLEEP;
            }
            Process proc = node.get();
            if (proc != null && proc.ready()) {
                next = proc;
                break;
            }
            processes.addLast(processes.pollFirst());
        }
        if (next == null) {
            return SchedulingDecision.TRY_SLEEP;
        }
        int timeslice;
        if (lastRescheduled) {
            timeslice = timeRemaining;
        } else {
            timeRemaining = timesliceLength;
            timeslice = timesliceLength;
        }
        return new SchedulingDecision.RunProcess(next.processid(), OptionalInt.of(timeslice));
    }

    @Override
    public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {
        int executionTime = executionTimeUs.orElseThrow(
                () -> new IllegalStateException("round robin always runs processes with a timeslice"));
        boolean reschedule = false;
        if (result == StoppedExecutingReason.KernelPreemption && timeRemaining > executionTime) {
            timeRemaining -= executionTime;
            reschedule = true;
        }
        lastRescheduled = reschedule;
        if (!reschedule) {
            processes.addLast(processes.pollFirst());
        }
    }
}
