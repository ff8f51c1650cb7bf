package org.tock4j.kernel.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.testing.RecordingScheduler;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.SchedulingDecision;
import org.tock4j.kernel.syscall.CommandReturn;

/**
 * Tock's fixed-priority scheduler ({@code kernel/src/scheduler/priority.rs}) on a whole kernel, on virtual time:
 * slot order is priority, there is no timeslice, and a process of higher priority that a system call makes
 * ready preempts the running one.
 */
class PrioritySchedTests {
    private static final int DRIVER = 0x99;

    private final TestBoard board = new TestBoard();
    private final RecordingScheduler scheduler =
            new RecordingScheduler(new PrioritySched(board.kernel().processSlotSuppliers()));
    private final TestDriver driver = new TestDriver(board, DRIVER, 1, 0, 0);
    private final List<String> log = new ArrayList<>();

    PrioritySchedTests() {
        board.scheduler(scheduler);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** Subscribes an upcall that logs {@code name}, then yields for good. */
    private TestApps.Main waitingForUpcalls(String name) {
        return sys -> sys.subscribe(DRIVER, 0, sys.upcallAddress((a, b, c, d) -> log.add(name + " upcall")), 0);
    }

    private static TestApps.Main spinning() {
        return sys -> {
            while (true) {
                sys.busy(1_000);
            }
        };
    }

    private List<String> decidedProcesses() {
        return scheduler.decisions().stream()
                .filter(d -> d instanceof SchedulingDecision.RunProcess)
                .map(d -> board.kernel().getProcess(((SchedulingDecision.RunProcess) d).processId()).orElseThrow()
                        .getProcessName())
                .toList();
    }

    private ProcessId id(String name) {
        return board.process(name).processid();
    }

    @Test
    void priorityRunsTheFirstReadyProcessFirst() {
        board.addApp(TestApps.app("a", waitingForUpcalls("a")));
        board.addApp(TestApps.app("b", waitingForUpcalls("b")));
        board.addApp(TestApps.app("c", spinning()));
        board.load();
        // While c spins, an interrupt queues an upcall for b, then one for a.
        board.chip().interruptAt(5_000_000, () -> {
            driver.scheduleUpcall(id("b"), 0, 0, 0, 0);
            driver.scheduleUpcall(id("a"), 0, 0, 0, 0);
        });

        board.runUntil(() -> log.size() == 2, 20);

        // a comes first although b's upcall was queued first: slot 0 is the highest priority.
        assertThat(log).containsExactly("a upcall", "b upcall");
        assertThat(decidedProcesses()).containsExactly("a", "b", "c", "a", "b");
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.NoWorkLeft,
                StoppedExecutingReason.NoWorkLeft, StoppedExecutingReason.KernelPreemption,
                StoppedExecutingReason.NoWorkLeft, StoppedExecutingReason.NoWorkLeft);
        assertThat(board.chip().nowUs()).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void priorityRunsProcessesWithoutATimesliceAndStarvesLowerOnes() {
        board.addApp(TestApps.app("a", spinning()));
        board.addApp(TestApps.app("b", sys -> log.add("b ran")));
        board.load();
        board.chip().interruptAt(25_000_000, () -> log.add("interrupt"));
        board.chip().interruptAt(40_000_000, () -> log.add("second interrupt"));

        board.steps(3);

        // a spins well past any timeslice; only the interrupt stops it, and it runs again right after.
        assertThat(log).containsExactly("interrupt");
        assertThat(decidedProcesses()).containsExactly("a", "a");
        assertThat(scheduler.decisions()).allSatisfy(d ->
                assertThat(((SchedulingDecision.RunProcess) d).timesliceUs()).isEqualTo(OptionalInt.empty()));
        assertThat(scheduler.results()).first().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StoppedExecutingReason.KernelPreemption);
            assertThat(r.executionTimeUs()).isEmpty();
        });
        assertThat(board.chip().schedulerTimer().starts()).isEmpty();
        assertThat(board.process("a").debugTimesliceExpirationCount()).isZero();
    }

    @Test
    void aHigherPriorityProcessThatASystemCallMakesReadyPreemptsTheRunningOne() {
        board.addApp(TestApps.app("a", waitingForUpcalls("a")));
        board.addApp(TestApps.app("b", sys -> {
            sys.busy(1_000);
            log.add("b notifies a");
            sys.command(DRIVER, 1, 0, 0);
            log.add("b carries on");
            TestApps.park(sys);
        }));
        board.load();
        // Command 1 queues a's upcall from b's system call, as an IPC notify would.
        driver.onCommand((n, x, y, caller) -> {
            driver.scheduleUpcall(id("a"), 0, 0, 0, 0);
            return CommandReturn.success();
        });

        board.runUntil(() -> log.size() == 3, 10);

        assertThat(log).containsExactly("b notifies a", "a upcall", "b carries on");
        assertThat(decidedProcesses()).startsWith("a", "b", "a", "b");
        // b stopped right after the command, for a, without any interrupt or timer.
        assertThat(scheduler.reasons()).startsWith(StoppedExecutingReason.NoWorkLeft,
                StoppedExecutingReason.KernelPreemption);
    }

    @Test
    void aLowerPriorityProcessThatBecomesReadyDoesNotPreemptTheRunningOne() {
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(DRIVER, 0, sys.upcallAddress((w, x, y, z) -> log.add("a woken")), 0);
            sys.yield(1, 0, 0);
            sys.command(DRIVER, 1, 0, 0);
            sys.busy(1_000);
            log.add("a carries on");
            TestApps.park(sys);
        }));
        board.addApp(TestApps.app("b", waitingForUpcalls("b")));
        board.load();
        board.chip().interruptAt(5_000_000, () -> driver.scheduleUpcall(id("a"), 0, 0, 0, 0));
        driver.onCommand((n, x, y, caller) -> {
            driver.scheduleUpcall(id("b"), 0, 0, 0, 0);
            return CommandReturn.success();
        });

        board.runUntil(() -> log.size() == 3, 10);

        // a's command made b ready; a ran on until it waited again.
        assertThat(log).containsExactly("a woken", "a carries on", "b upcall");
        assertThat(decidedProcesses()).containsExactly("a", "b", "a", "b");
        assertThat(scheduler.reasons()).doesNotContain(StoppedExecutingReason.KernelPreemption);
    }

    @Test
    void withNoProcessReadyPriorityLetsTheChipSleep() {
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();

        board.steps(2);

        assertThat(scheduler.decisions()).last().isEqualTo(SchedulingDecision.TRY_SLEEP);
    }
}
