package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Wraps a scheduler and records every decision and result, with the thread {@code result} was called on.
 */
public final class RecordingScheduler implements Scheduler {
    /** One {@code result} call. */
    public record Result(StoppedExecutingReason reason, OptionalInt executionTimeUs, Thread thread) {}

    private final Scheduler inner;
    private final List<SchedulingDecision> decisions = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();

    public RecordingScheduler(Scheduler inner) {
        this.inner = inner;
    }

    public List<SchedulingDecision> decisions() {
        return decisions;
    }

    public List<Result> results() {
        return results;
    }

    public List<StoppedExecutingReason> reasons() {
        return results.stream().map(Result::reason).toList();
    }

    @Override
    public SchedulingDecision next() {
        SchedulingDecision d = inner.next();
        decisions.add(d);
        return d;
    }

    @Override
    public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {
        results.add(new Result(result, executionTimeUs, Thread.currentThread()));
        inner.result(result, executionTimeUs);
    }

    @Override
    public void executeKernelWork(Chip chip, DeferredCalls deferredCalls) {
        inner.executeKernelWork(chip, deferredCalls);
    }

    @Override
    public boolean doKernelWorkNow(Chip chip, DeferredCalls deferredCalls) {
        return inner.doKernelWorkNow(chip, deferredCalls);
    }

    @Override
    public boolean continueProcess(ProcessId id, Chip chip, DeferredCalls deferredCalls) {
        return inner.continueProcess(id, chip, deferredCalls);
    }
}
