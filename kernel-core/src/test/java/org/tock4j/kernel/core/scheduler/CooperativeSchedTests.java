package org.tock4j.kernel.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.testing.RecordingScheduler;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessTable;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Tock's cooperative scheduler ({@code kernel/src/scheduler/cooperative.rs}) on a whole kernel, on virtual time:
 * no timeslice, a process runs until it yields, and after kernel work the interrupted process carries on.
 */
class CooperativeSchedTests {
    private final TestBoard board = new TestBoard();
    private final RecordingScheduler scheduler =
            new RecordingScheduler(new CooperativeSched(board.kernel().processSlotSuppliers()));
    private final List<String> log = new ArrayList<>();

    CooperativeSchedTests() {
        board.scheduler(scheduler);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private List<String> decidedProcesses() {
        return scheduler.decisions().stream()
                .filter(d -> d instanceof SchedulingDecision.RunProcess)
                .map(d -> board.kernel().getProcess(((SchedulingDecision.RunProcess) d).processId()).orElseThrow()
                        .getProcessName())
                .toList();
    }

    @Test
    void cooperativeNeverPreemptsAProcessThatDoesNotYield() {
        board.addApp(TestApps.app("a", sys -> {
            // 100 ms of computation: ten round-robin timeslices.
            for (int i = 0; i < 100; i++) {
                sys.busy(1_000);
            }
            log.add("a done at " + board.chip().nowUs() / 1000 + " ms");
        }));
        board.addApp(TestApps.app("b", sys -> log.add("b ran at " + board.chip().nowUs() / 1000 + " ms")));
        board.load();
        board.chip().interruptAt(3_500_000, () -> log.add("interrupt serviced"));

        board.runUntil(() -> log.size() == 3, 10);

        assertThat(log).containsExactly("interrupt serviced", "a done at 100 ms", "b ran at 100 ms");
        // The interrupt stopped a for kernel work only; a stayed at the head of the queue and resumed.
        assertThat(decidedProcesses()).containsExactly("a", "a", "b");
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.KernelPreemption,
                StoppedExecutingReason.NoWorkLeft, StoppedExecutingReason.NoWorkLeft);
        assertThat(scheduler.decisions()).allSatisfy(d ->
                assertThat(((SchedulingDecision.RunProcess) d).timesliceUs()).isEqualTo(OptionalInt.empty()));
        assertThat(board.chip().schedulerTimer().starts()).isEmpty();
        assertThat(board.process("a").debugTimesliceExpirationCount()).isZero();
    }

    @Test
    void cooperativeGivesTheNextProcessItsTurnWhenOneYields() {
        board.addApp(TestApps.app("a", sys -> {
            log.add("a");
            sys.yield(0, 0, 0); // nothing queued: a carries on, no turn is lost
            log.add("a again");
        }));
        board.addApp(TestApps.app("b", sys -> log.add("b")));
        board.addApp(TestApps.app("c", sys -> log.add("c")));
        board.load();

        board.steps(4);

        assertThat(log).containsExactly("a", "a again", "b", "c");
        assertThat(decidedProcesses()).containsExactly("a", "b", "c");
        assertThat(scheduler.decisions()).last().isEqualTo(SchedulingDecision.TRY_SLEEP);
    }

    // ---------------------------------------------------------------- the queue, over mock processes

    private final ProcessTable table = mock(ProcessTable.class);

    private Process process(int index, boolean ready) {
        Process p = mock(Process.class);
        when(p.processid()).thenReturn(ProcessId.newExternal(table, 100 + index, index, Capability.externalProcess()));
        when(p.ready()).thenReturn(ready);
        return p;
    }

    private static CooperativeSched cooperative(Process... slots) {
        List<Supplier<Process>> suppliers = new ArrayList<>();
        for (Process p : slots) {
            suppliers.add(() -> p);
        }
        return new CooperativeSched(suppliers);
    }

    private static SchedulingDecision run(Process p) {
        return new SchedulingDecision.RunProcess(p.processid(), OptionalInt.empty());
    }

    @Test
    void aProcessStoppedForKernelWorkStaysAtTheHeadOfTheQueue() {
        Process a = process(0, true);
        Process b = process(1, true);
        CooperativeSched s = cooperative(a, b);

        assertThat(s.next()).isEqualTo(run(a));
        s.result(StoppedExecutingReason.KernelPreemption, OptionalInt.empty());
        assertThat(s.next()).isEqualTo(run(a));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.empty());
        assertThat(s.next()).isEqualTo(run(b));
        s.result(StoppedExecutingReason.StoppedFaulted, OptionalInt.empty());
        assertThat(s.next()).isEqualTo(run(a));
    }

    @Test
    void cooperativeSkipsEmptySlotsAndSleepsWhenNothingIsReady() {
        Process idle = process(0, false);
        Process ready = process(2, true);

        assertThat(cooperative(idle, null, ready).next()).isEqualTo(run(ready));
        assertThat(cooperative(idle, null).next()).isEqualTo(SchedulingDecision.TRY_SLEEP);
        assertThat(cooperative().next()).isEqualTo(SchedulingDecision.TRY_SLEEP);
    }

    @Test
    void aProcessThatWasNotReadyKeepsItsPlaceInTheTurns() {
        boolean[] aReady = {false};
        Process a = process(0, false);
        when(a.ready()).thenAnswer(invocation -> aReady[0]);
        Process b = process(1, true);
        CooperativeSched s = cooperative(a, b);

        assertThat(s.next()).isEqualTo(run(b));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.empty());
        aReady[0] = true;

        // a was passed over, not dropped: its turn comes before b's next one.
        assertThat(s.next()).isEqualTo(run(a));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.empty());
        assertThat(s.next()).isEqualTo(run(b));
    }
}
