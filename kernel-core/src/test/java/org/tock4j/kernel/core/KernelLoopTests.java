package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.runtime.ProcessFaultInfo;
import org.tock4j.kernel.core.scheduler.RoundRobinSched;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.RecordingScheduler;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.ipc.IpcUpcallType;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallError;
import org.tock4j.userland.Registers;

/**
 * The main loop and {@code do_process} (seed {@code kernel.rs}): round robin turns, resuming a preempted
 * timeslice, the minimum quantum, sleeping, yielded processes and return values, fault policies, and the task
 * queue's capacity.
 */
class KernelLoopTests {
    private TestBoard board = new TestBoard();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private RecordingScheduler roundRobin(int timesliceUs) {
        RecordingScheduler s = new RecordingScheduler(
                new RoundRobinSched(board.kernel().processSlotSuppliers(), timesliceUs));
        board.scheduler(s);
        return s;
    }

    /** Runs {@code process} with {@code timesliceUs} every time; sleeps once it is not ready. */
    private RecordingScheduler always(String process, OptionalInt timesliceUs) {
        RecordingScheduler s = new RecordingScheduler(new Scheduler() {
            @Override
            public SchedulingDecision next() {
                ProcessStandard p = board.process(process);
                return p.ready() ? new SchedulingDecision.RunProcess(p.processid(), timesliceUs)
                        : SchedulingDecision.TRY_SLEEP;
            }

            @Override
            public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {}
        });
        board.scheduler(s);
        return s;
    }

    private static TestApps.Main spinning() {
        return sys -> {
            while (true) {
                sys.busy(1000);
            }
        };
    }

    // ---------------------------------------------------------------- scheduling

    @Test
    void roundRobinGivesEachReadyProcessATurnInSlotOrder() {
        roundRobin(10_000);
        board.contextSwitchCallback(p -> log.add(p.getProcessName()));
        board.addApp(TestApps.app("a", spinning()));
        board.addApp(TestApps.app("b", spinning()));
        board.addApp(TestApps.app("c", spinning()));
        board.load();

        board.steps(7);

        assertThat(log).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(board.process("a").debugTimesliceExpirationCount()).isEqualTo(3);
    }

    @Test
    void aProcessThatUsesUpItsTimesliceIsStoppedAsTimesliceExpired() {
        RecordingScheduler s = roundRobin(10_000);
        board.addApp(TestApps.app("a", spinning()));
        board.load();

        board.step();

        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StoppedExecutingReason.TimesliceExpired);
            assertThat(r.executionTimeUs()).hasValue(10_000);
        });
        // The 1 ms busy chunks run until the timer fires at 10 ms: the process is interrupted there.
        assertThat(board.chip().nowUs()).isEqualTo(10_000);
    }

    @Test
    void aProcessPreemptedByTheKernelResumesWithTheRestOfItsTimeslice() {
        RecordingScheduler s = roundRobin(10_000);
        board.addApp(TestApps.app("a", spinning()));
        board.addApp(TestApps.app("b", spinning()));
        board.load();
        board.chip().interruptAt(3_500_000, () -> log.add("interrupt serviced"));

        board.steps(3);

        assertThat(s.reasons()).containsExactly(StoppedExecutingReason.KernelPreemption,
                StoppedExecutingReason.TimesliceExpired);
        assertThat(s.results().getFirst().executionTimeUs()).hasValue(4_000);
        assertThat(log).containsExactly("interrupt serviced");
        assertThat(s.decisions()).extracting(d -> ((SchedulingDecision.RunProcess) d).processId())
                .containsExactly(board.process("a").processid(), board.process("a").processid());
        assertThat(board.chip().schedulerTimer().starts()).containsExactly(10_000, 6_000);
    }

    @Test
    void aProcessPreemptedWithNoTimeLeftLosesItsTurn() {
        RecordingScheduler s = roundRobin(10_000);
        board.addApp(TestApps.app("a", spinning()));
        board.addApp(TestApps.app("b", spinning()));
        board.load();
        // Raised while the timer already expired: the process stops as TimesliceExpired, b is next.
        board.chip().interruptAt(9_999_000, () -> { });

        board.steps(3);

        assertThat(s.decisions()).extracting(d -> ((SchedulingDecision.RunProcess) d).processId())
                .containsExactly(board.process("a").processid(), board.process("b").processid());
    }

    @Test
    void aProcessWithAtMostTheMinimumQuantumLeftIsNotRun() {
        RecordingScheduler s = always("a", OptionalInt.of(Kernel.MIN_QUANTA_THRESHOLD_US));
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();

        board.step();

        assertThat(log).isEmpty();
        assertThat(board.boundary("a").switches()).isZero();
        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StoppedExecutingReason.TimesliceExpired);
            assertThat(r.executionTimeUs()).hasValue(Kernel.MIN_QUANTA_THRESHOLD_US);
        });
        assertThat(board.process("a").debugTimesliceExpirationCount()).isEqualTo(1);
    }

    @Test
    void aProcessWithJustMoreThanTheMinimumQuantumRuns() {
        always("a", OptionalInt.of(Kernel.MIN_QUANTA_THRESHOLD_US + 1));
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();

        board.step();

        assertThat(log).containsExactly("ran");
    }

    @Test
    void aProcessRunWithoutATimesliceRunsUntilItHasNoWorkAndReportsNoTime() {
        RecordingScheduler s = always("a", OptionalInt.empty());
        board.addApp(TestApps.app("a", sys -> {
            sys.busy(50_000);
            log.add("done");
        }));
        board.load();

        board.step();

        assertThat(log).containsExactly("done");
        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StoppedExecutingReason.NoWorkLeft);
            assertThat(r.executionTimeUs()).isEmpty();
        });
    }

    @Test
    void theKernelServicesInterruptsAndDeferredCallsBeforeRunningProcesses() {
        RecordingScheduler s = roundRobin(10_000);
        DeferredCall call = board.deferredCalls().create();
        call.register(client(() -> log.add("deferred")));
        board.addApp(TestApps.app("a", sys -> log.add("app")));
        board.load();
        board.chip().raiseInterrupt(() -> log.add("interrupt"));
        call.set();

        board.steps(2);

        assertThat(log).containsExactly("interrupt", "deferred", "app");
        assertThat(s.decisions()).hasSize(1);
    }

    // ---------------------------------------------------------------- sleeping

    /** A scheduler that never wants kernel work and always says TrySleep. */
    private void alwaysTrySleep() {
        board.scheduler(new Scheduler() {
            @Override
            public SchedulingDecision next() {
                return SchedulingDecision.TRY_SLEEP;
            }

            @Override
            public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {}

            @Override
            public boolean doKernelWorkNow(Chip chip, DeferredCalls deferredCalls) {
                return false;
            }
        });
    }

    @Test
    void trySleepSleepsTheChipWhenNothingIsPending() {
        alwaysTrySleep();
        board.load();
        board.chip().at(5_000_000, () -> log.add("woke at 5 ms"));

        board.step();

        assertThat(board.chip().sleepCount()).isEqualTo(1);
        assertThat(board.chip().sleptAtNs()).containsExactly(0L);
        assertThat(log).containsExactly("woke at 5 ms");
        assertThat(board.chip().nowUs()).isEqualTo(5_000);
    }

    @Test
    void trySleepDoesNotSleepWithAnInterruptPending() {
        alwaysTrySleep();
        board.load();
        board.chip().raiseInterrupt(() -> { });

        board.step();

        assertThat(board.chip().sleepCount()).isZero();
    }

    @Test
    void trySleepDoesNotSleepWithADeferredCallPending() {
        alwaysTrySleep();
        DeferredCall call = board.deferredCalls().create();
        call.register(client(() -> { }));
        board.load();
        call.set();

        board.step();

        assertThat(board.chip().sleepCount()).isZero();
    }

    @Test
    void anIdleBoardSleepsUntilTheNextEvent() {
        roundRobin(10_000);
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(0x99, 0, sys.upcallAddress((x, y, z, w) -> log.add("upcall at " + x)), 0);
            sys.yield(1, 0, 0);
        }));
        board.load();
        board.runUntil(() -> board.process("a").getState() instanceof State.Yielded && !board.process("a").ready(),
                10);
        board.chip().interruptAt(20_000_000, () -> driver.scheduleUpcall(board.process("a").processid(), 0,
                (int) board.chip().nowUs(), 0, 0));

        board.runUntil(() -> !log.isEmpty(), 10);

        assertThat(log).containsExactly("upcall at 20000");
        assertThat(board.chip().sleepCount()).isGreaterThanOrEqualTo(1);
    }

    // ---------------------------------------------------------------- yielded processes

    @Test
    void aYieldedProcessIsNotWokenForAReturnValueTask() {
        RecordingScheduler s = roundRobin(10_000);
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            sys.yield(1, 0, 0);
            log.add("woke");
        }));
        board.load();
        board.steps(2);
        ProcessStandard a = board.process("a");
        int switches = board.boundary("a").switches();

        assertThat(driver.scheduleUpcall(a.processid(), 0, 1, 2, 3).isOk()).isTrue();
        assertThat(a.ready()).isTrue();
        board.step();

        assertThat(log).isEmpty();
        assertThat(a.getState()).isEqualTo(State.YIELDED);
        assertThat(a.pendingTasks()).isZero();
        assertThat(board.boundary("a").switches()).isEqualTo(switches);
        assertThat(s.reasons()).last().isEqualTo(StoppedExecutingReason.NoWorkLeft);
    }

    @Test
    void aProcessWaitingForOneUpcallWhileAnotherIsQueuedGetsItWhenItsEventComes() {
        roundRobin(10_000);
        TestDriver driver = new TestDriver(board, 0x99, 2, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            log.add(sys.yield(2, 0x99, 1).toString());
            TestApps.park(sys);
        }));
        board.load();
        board.steps(2);
        ProcessStandard a = board.process("a");
        // Queued but not waited for: the process is ready, yet do_process finds nothing to give it (Tock spins).
        driver.scheduleUpcall(a.processid(), 0, 1, 1, 1);
        board.chip().interruptAt(5_000_000, () -> driver.scheduleUpcall(a.processid(), 1, 42, 0, 0));

        board.runUntil(() -> !log.isEmpty(), 1_000);

        assertThat(log).containsExactly(new Registers(42, 0, 0, 0).toString());
        assertThat(board.chip().nowUs()).isGreaterThanOrEqualTo(5_000);
        assertThat(a.pendingTasks()).isEqualTo(1);
    }

    @Test
    void aStoppedProcessIsNotRunAndResumesWhereItWas() {
        RecordingScheduler s = roundRobin(10_000);
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();
        ProcessStandard a = board.process("a");
        a.stop();

        board.step();

        assertThat(log).isEmpty();
        assertThat(s.reasons()).containsExactly(StoppedExecutingReason.Stopped);
        assertThat(a.getState()).isEqualTo(new State.Stopped(State.YIELDED));

        a.resume();
        board.step();
        assertThat(log).containsExactly("ran");
    }

    @Test
    void anIpcTaskForAYieldedProcessGoesToTheIpcCapsule() {
        roundRobin(10_000);
        board.addApp(TestApps.app("a", sys -> sys.yield(1, 0, 0)));
        board.addApp(TestApps.app("b", TestApps::park));
        board.load();
        board.steps(3);
        List<String> delivered = new ArrayList<>();
        board.kernel().setIpc((to, from, type) -> delivered.add(to + " from " + from + " " + type));
        ProcessStandard a = board.process("a");
        ProcessId b = board.process("b").processid();

        a.enqueueTask(new Task.Ipc(b, IpcUpcallType.Service));
        board.step();

        assertThat(delivered).containsExactly(a.processid() + " from " + b + " Service");
    }

    @Test
    void anIpcTaskWithoutAnIpcCapsuleIsAKernelConsistencyPanic() {
        board.addApp(TestApps.app("a", sys -> sys.yield(1, 0, 0)));
        board.load();
        board.steps(2);
        ProcessStandard a = board.process("a");

        a.enqueueTask(new Task.Ipc(a.processid(),
                IpcUpcallType.Client));

        assertThatThrownBy(board::step).isInstanceOf(KernelPanic.class)
                .hasMessage("Kernel consistency error: IPC Task with no IPC");
    }

    // ---------------------------------------------------------------- faults

    private static TestApps.Main throwing() {
        return sys -> {
            throw new IllegalStateException("app bug");
        };
    }

    @Test
    void aFaultingProcessUnderThePanicPolicyPanicsTheKernel() {
        board.faultPolicy(FaultPolicies.panic());
        board.addApp(TestApps.app("crasher", throwing()));
        board.load();

        assertThatThrownBy(board::step).isInstanceOf(KernelPanic.class).hasMessage("Process crasher had a fault");
        assertThat(board.process("crasher").getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void aFaultingProcessUnderTheStopPolicyIsLeftFaulted() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("crasher", sys -> {
            sys.subscribe(0x99, 0, 0, 0);
            throw new IllegalStateException("app bug");
        }));
        board.load();
        ProcessStandard p = board.process("crasher");

        board.steps(3);

        assertThat(p.getState()).isEqualTo(State.FAULTED);
        assertThat(p.getCompletionCode()).contains(Optional.empty());
        assertThat(p.ready()).isFalse();
        assertThat(p.grantAllocatedCount()).isEmpty();
        assertThat(driver.grant().iter()).isEmpty();
        assertThat(board.boundary("crasher").runtime().lastFault()).get().extracting(ProcessFaultInfo::cause)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFaultingProcessUnderTheRestartPolicyStartsAgainWithANewId() {
        int[] starts = new int[1];
        board.faultPolicy(FaultPolicies.restart());
        board.addApp(TestApps.app("crasher", sys -> {
            starts[0]++;
            if (starts[0] == 1) {
                throw new IllegalStateException("first life");
            }
            log.add("second life");
        }));
        board.load();
        ProcessStandard p = board.process("crasher");
        ProcessId first = p.processid();

        board.runUntil(() -> !log.isEmpty(), 10);

        assertThat(p.getRestartCount()).isEqualTo(1);
        assertThat(p.processid()).isNotEqualTo(first);
        assertThat(board.kernel().getProcess(first)).isEmpty();
    }

    @Test
    void theThresholdPolicyRestartsUntilTheThresholdThenStops() {
        board.faultPolicy(FaultPolicies.thresholdRestart(2));
        board.addApp(TestApps.app("crasher", throwing()));
        board.load();
        ProcessStandard p = board.process("crasher");

        board.runUntil(() -> p.getState() instanceof State.Faulted, 20);

        assertThat(p.getRestartCount()).isEqualTo(3);
    }

    @Test
    void anAccessTheMpuRefusesFaultsTheProcess() {
        board.close();
        board = new TestBoard(new CheckingMpu());
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            sys.memory().write32(ram + 60, 1);
            log.add("own memory ok");
            int grantRegion = sys.memop(6, 0).r1();
            sys.memory().write32(grantRegion, 0xBAD);
            log.add("wrote the grant region");
        }));
        board.load();
        ProcessStandard a = board.process("a");

        board.steps(3);

        assertThat(log).containsExactly("own memory ok");
        assertThat(a.getState()).isEqualTo(State.FAULTED);
        ProcessFaultInfo fault = board.boundary("a").runtime().lastFault().orElseThrow();
        assertThat(fault.faultAddress()).hasValue(a.getAddresses().sramGrantStart());
        assertThat(fault.reason()).contains("write");
    }

    @Test
    void readingPastTheAppBreakFaultsUnderTheMpu() {
        board.close();
        board = new TestBoard(new CheckingMpu());
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            sys.memory().read32(ram + 62);
            log.add("read past the break");
        }));
        board.load();

        board.steps(3);

        assertThat(log).isEmpty();
        assertThat(board.boundary("a").runtime().lastFault().orElseThrow().faultAddress()).isPresent();
        assertThat(board.process("a").getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void aFaultTheBoardHandlesSkipsTheFaultPolicyAndDoesNotHangTheKernel() {
        RecordingScheduler s = roundRobin(10_000);
        List<String> hooked = new ArrayList<>();
        board.processFault(p -> hooked.add(p.getProcessName()));
        board.faultPolicy(FaultPolicies.panic());
        board.addApp(TestApps.app("crasher", throwing()));
        board.addApp(TestApps.app("b", sys -> log.add("b ran")));
        board.load();

        board.steps(3);

        assertThat(hooked).isNotEmpty().containsOnly("crasher");
        assertThat(board.process("crasher").getState()).isEqualTo(State.RUNNING);
        assertThat(s.reasons().getFirst()).isEqualTo(StoppedExecutingReason.TimesliceExpired);
        assertThat(log).containsExactly("b ran");
    }

    // ---------------------------------------------------------------- the task queue

    @Test
    void theTaskQueueHoldsNineTasksAndDropsAndCountsTheTenth() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", TestApps::park));
        board.load();
        board.steps(2);
        ProcessStandard a = board.process("a");
        assertThat(a.pendingTasks()).isZero();

        List<Result<Void, UpcallError>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(driver.scheduleUpcall(a.processid(), 0, i, 0, 0));
        }

        assertThat(results.subList(0, 9)).allMatch(Result::isOk);
        assertThat(results.get(9).unwrapErr()).isEqualTo(UpcallError.QueueFull);
        assertThat(a.pendingTasks()).isEqualTo(9);
        assertThat(a.debugDroppedUpcallCount()).isEqualTo(1);
    }

    @Test
    void commandsFromAProcessReachTheDriverWithItsId() {
        TestDriver driver = new TestDriver(board, 0x99, 0, 0, 0)
                .onCommand((n, x, y, pid) -> CommandReturn.successU32U32(n, x + y));
        board.addApp(TestApps.app("a", sys -> sys.command(0x99, 3, 4, 5)));
        board.load();

        board.steps(2);

        assertThat(driver.calls()).singleElement().satisfies(c -> {
            assertThat(c.commandNum()).isEqualTo(3);
            assertThat(c.processId()).isEqualTo(board.process("a").processid());
        });
        assertThat(board.boundary("a").returns().getFirst())
                .isEqualTo(new SyscallReturn.SuccessU32U32(3, 9));
    }

    private static DeferredCallClient client(Runnable r) {
        return new DeferredCallClient() {
            @Override
            public void handleDeferredCall() {
                r.run();
            }

            @Override
            public void register() {}
        };
    }
}
