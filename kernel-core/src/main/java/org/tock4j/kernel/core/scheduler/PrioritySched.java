package org.tock4j.kernel.core.scheduler;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Fixed priority: a process's priority is its slot in the process table (slot 0 highest); the first ready
 * process always runs, and kernel work (interrupt bottom halves, deferred calls) comes before any process.
 *
 * <pre>
 *   slots:  [0 sensor] [1 logger] [2 ui]
 *   next():  first ready in slot order ──► run it, no timeslice
 *   continueProcess(): an interrupt, a deferred call, or a ready process in a lower slot ──► stop it
 * </pre>
 *
 * <p>No timeslice is needed: while a process runs, no process of higher priority can become ready except
 * through an interrupt (which stops it anyway) or through a system call of the running process (IPC, say),
 * which {@link #continueProcess} notices.
 *
 * <p>Tock counterpart: {@code kernel::scheduler::priority::PrioritySched}
 * ({@code kernel/src/scheduler/priority.rs}).
 */
public final class PrioritySched implements Scheduler {
    private final List<Supplier<Process>> slots;
    /** The process {@link #next()} chose, until its {@link #result}. */
    private ProcessId running;

    /**
     * @param slots one entry per process slot of the kernel, each giving the process there (or null), in slot
     *     order: Tock's {@code kernel.get_process_iter()}
     */
    public PrioritySched(List<Supplier<Process>> slots) {
        this.slots = List.copyOf(slots);
    }

    @Override
    public SchedulingDecision next() {
        Optional<Process> next = firstReady();
        running = next.map(Process::processid).orElse(null);
        return next.<SchedulingDecision>map(
                p -> new SchedulingDecision.RunProcess(p.processid(), OptionalInt.empty()))
                .orElse(SchedulingDecision.TRY_SLEEP);
    }

    /**
     * Besides interrupts and deferred calls, stops the running process when a process of higher priority became
     * ready (a system call of the running process may have made it so).
     */
    @Override
    public boolean continueProcess(ProcessId id, Chip chip, DeferredCalls deferredCalls) {
        return !(chip.hasPendingInterrupts()
                || deferredCalls.hasTasks()
                || firstReady().map(ready -> running != null
                        && ready.processid().rawIndex() < running.rawIndex()).orElse(false));
    }

    @Override
    public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {
        running = null;
    }

    /** The first loaded process, in slot order, that is ready to run. */
    private Optional<Process> firstReady() {
        for (Supplier<Process> slot : slots) {
            Process p = slot.get();
            if (p != null && p.ready()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
