package org.tock4j.kernel.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessTable;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/** Tock's round robin scheduler ({@code kernel/src/scheduler/round_robin.rs}) over mock processes. */
class RoundRobinSchedTests {
    private final ProcessTable table = mock(ProcessTable.class);
    private final List<Process> processes = new ArrayList<>();

    private Process process(int index, boolean ready) {
        Process p = mock(Process.class);
        when(p.processid()).thenReturn(ProcessId.newExternal(table, 100 + index, index, Capability.externalProcess()));
        when(p.ready()).thenReturn(ready);
        processes.add(p);
        return p;
    }

    private RoundRobinSched scheduler(Process... slots) {
        List<Supplier<Process>> suppliers = new ArrayList<>();
        for (Process p : slots) {
            suppliers.add(() -> p);
        }
        return new RoundRobinSched(suppliers, 10_000);
    }

    private static SchedulingDecision run(Process p, int timeslice) {
        return new SchedulingDecision.RunProcess(p.processid(), OptionalInt.of(timeslice));
    }

    @Test
    void nextSkipsProcessesThatAreNotReadyAndEmptySlots() {
        Process idle = process(0, false);
        Process ready = process(2, true);
        RoundRobinSched s = scheduler(idle, null, ready);

        assertThat(s.next()).isEqualTo(run(ready, 10_000));
    }

    @Test
    void withNothingReadyTheDecisionIsTrySleep() {
        RoundRobinSched s = scheduler(process(0, false), null, process(2, false));

        assertThat(s.next()).isEqualTo(SchedulingDecision.TRY_SLEEP);
        assertThat(scheduler().next()).isEqualTo(SchedulingDecision.TRY_SLEEP);
    }

    @Test
    void aProcessThatStoppedGoesToTheBackOfTheQueue() {
        Process a = process(0, true);
        Process b = process(1, true);
        RoundRobinSched s = scheduler(a, b);

        assertThat(s.next()).isEqualTo(run(a, 10_000));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(300));
        assertThat(s.next()).isEqualTo(run(b, 10_000));
        s.result(StoppedExecutingReason.TimesliceExpired, OptionalInt.of(10_000));
        assertThat(s.next()).isEqualTo(run(a, 10_000));
    }

    @Test
    void kernelPreemptionWithTimeLeftRunsTheSameProcessAgainForWhatIsLeft() {
        Process a = process(0, true);
        Process b = process(1, true);
        RoundRobinSched s = scheduler(a, b);

        s.next();
        s.result(StoppedExecutingReason.KernelPreemption, OptionalInt.of(4_000));
        assertThat(s.next()).isEqualTo(run(a, 6_000));
        s.result(StoppedExecutingReason.KernelPreemption, OptionalInt.of(1_000));
        assertThat(s.next()).isEqualTo(run(a, 5_000));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(100));
        assertThat(s.next()).isEqualTo(run(b, 10_000));
    }

    @Test
    void kernelPreemptionWithNoTimeLeftRotates() {
        Process a = process(0, true);
        Process b = process(1, true);
        RoundRobinSched s = scheduler(a, b);

        s.next();
        s.result(StoppedExecutingReason.KernelPreemption, OptionalInt.of(10_000));

        assertThat(s.next()).isEqualTo(run(b, 10_000));
    }

    @Test
    void aResultWithoutAnExecutionTimeIsAnError() {
        RoundRobinSched s = scheduler(process(0, true));
        s.next();

        assertThatThrownBy(() -> s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTimesliceMustBePositive() {
        assertThatThrownBy(() -> new RoundRobinSched(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoundRobinSched.DEFAULT_TIMESLICE_US).isEqualTo(10_000);
    }
}
