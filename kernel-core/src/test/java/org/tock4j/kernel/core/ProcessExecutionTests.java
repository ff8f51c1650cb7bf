package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.scheduler.CooperativeSched;
import org.tock4j.kernel.core.testing.RecordingMpu;
import org.tock4j.kernel.core.testing.RecordingSchedulerTimer;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.core.testing.Timeline;
import org.tock4j.kernel.platform.mpu.NoMpu;
import org.tock4j.kernel.process.FaultAction;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.userland.Registers;

/**
 * {@code do_process} (seed {@code kernel.rs}) as {@link ProcessExecution} runs it: the scheduler timer and the
 * app MPU around each switch, the function calls and Yield-WaitFor completions it hands a process (with their
 * {@code trace_syscalls} lines and {@link SyscallObserver} notifications), and a switch that fails.
 */
class ProcessExecutionTests {
    private static final int DRIVER = 0x99;

    private final Timeline timeline = new Timeline();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    private final List<FunctionCall> observedCalls = Collections.synchronizedList(new ArrayList<>());
    private final List<SyscallReturn> observedWaitFor = Collections.synchronizedList(new ArrayList<>());
    private final SyscallObserver observer = new SyscallObserver() {
        @Override
        public void syscall(ProcessId caller, Process process, Syscall syscall,
                Optional<SyscallReturn> result) {}

        @Override
        public void functionCall(Process process, FunctionCall call) {
            observedCalls.add(call);
        }

        @Override
        public void yieldWaitForReturned(Process process, SyscallReturn values) {
            observedWaitFor.add(values);
        }
    };
    private final RecordingMpu mpu = new RecordingMpu(new NoMpu(), timeline);
    private final TestBoard board = new TestBoard(mpu, 4,
            KernelConfig.defaults().withTraceSyscalls(true).withDebug(trace::add).withObserver(observer));
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }

    private List<String> traceContaining(String text) {
        synchronized (trace) {
            return trace.stream().filter(line -> line.contains(text)).toList();
        }
    }

    // ---------------------------------------------------------------- the timer and the MPU

    @Test
    void theProcessRunsUnderAnArmedTimerAndEnabledMpuAndTheKernelHandlesItsCallsWithBothOff() {
        board.schedulerTimer(new RecordingSchedulerTimer(board.chip().schedulerTimer(), timeline));
        new TestDriver(board, DRIVER, 0, 0, 0).onCommand((n, a, b, p) -> {
            timeline.add("capsule");
            return CommandReturn.success();
        });
        board.addApp(TestApps.app("a", sys -> {
            timeline.add("app");
            sys.command(DRIVER, 1, 0, 0);
            timeline.add("app again");
        }));
        board.load();

        board.step();

        assertThat(timeline.events()).containsExactly(
                "timer.reset", "timer.start(10000)",
                "mpu.enable", "timer.arm", "app",
                "timer.disarm", "mpu.disable", "capsule",
                "mpu.enable", "timer.arm", "app again",
                "timer.disarm", "mpu.disable",
                "timer.reset");
    }

    @Test
    void aProcessRunWithoutATimesliceNeverTouchesTheSchedulerTimer() {
        board.schedulerTimer(new RecordingSchedulerTimer(board.chip().schedulerTimer(), timeline));
        board.scheduler(new CooperativeSched(board.kernel().processSlotSuppliers()));
        board.addApp(TestApps.app("a", sys -> timeline.add("app")));
        board.load();

        board.step();

        assertThat(timeline.events()).containsExactly("mpu.enable", "app", "mpu.disable");
    }

    @Test
    void theTimerIsResetWhenTheProcessStopsSoItCannotExpireWhileTheChipSleeps() {
        board.addApp(TestApps.app("a", sys -> sys.busy(100)));
        board.load();

        board.step();

        // The process used a fraction of its 10 ms and yielded: no countdown is left running.
        assertThat(board.chip().nowUs()).isLessThan(1_000);
        assertThat(board.chip().schedulerTimer().getRemainingUs()).isEmpty();
        assertThat(mpu.enabled()).isFalse();
    }

    @Test
    void theExecutionInProgressNamesTheProcessItRunsAndEndsWithIt() {
        List<Optional<String>> seen = new ArrayList<>();
        board.contextSwitchCallback(p -> seen.add(
                board.kernel().currentExecution().map(ProcessExecution::process).map(Process::getProcessName)));
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();

        board.step();

        assertThat(seen).containsExactly(Optional.of("a"));
        assertThat(board.kernel().currentExecution()).isEmpty();
    }

    // ---------------------------------------------------------------- function calls

    @Test
    void everyFunctionCallSetUpForAProcessIsObservedAndTracedInTocksFormat() {
        TestDriver driver = new TestDriver(board, DRIVER, 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(DRIVER, 0, sys.upcallAddress((x, y, z, w) -> log.add("upcall " + x)), 0x55);
            sys.yield(1, 0, 0);
        }));
        board.load();
        ProcessStandard a = board.process("a");
        board.runUntil(() -> a.getState() instanceof State.Yielded && !a.ready(), 10);
        driver.scheduleUpcall(a.processid(), 0, 0x1F, 2, 3);

        board.runUntil(() -> !log.isEmpty(), 10);

        List<FunctionCall> set = board.boundary("a").functionCalls();
        assertThat(set).hasSize(2);
        assertThat(set.get(1).argument3()).isEqualTo(0x55);
        assertThat(observedCalls).containsExactlyElementsOf(set);
        String id = a.processid().toString();
        assertThat(traceContaining("function_call")).containsExactly(
                set.stream().map(c -> "[" + id + "] function_call @" + hex(c.pc()) + "(" + hex(c.argument0()) + ", "
                        + hex(c.argument1()) + ", " + hex(c.argument2()) + ", " + hex(c.argument3()) + ")")
                        .toArray(String[]::new));
        assertThat(traceContaining("function_call").get(1)).endsWith("(0x1f, 0x2, 0x3, 0x55)");
    }

    @Test
    void aYieldWaitForCompletedByAnUnsubscribedUpcallReturnsItsValuesAndIsTracedAsANullUpcall() {
        TestDriver driver = new TestDriver(board, DRIVER, 2, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            log.add(sys.yield(2, DRIVER, 1).toString());
            TestApps.park(sys);
        }));
        board.load();
        ProcessStandard a = board.process("a");
        board.runUntil(() -> a.getState() instanceof State.YieldedFor, 10);
        driver.scheduleUpcall(a.processid(), 1, 42, 0x10, 0x20);

        board.runUntil(() -> !log.isEmpty(), 10);

        SyscallReturn values = new SyscallReturn.YieldWaitFor(42, 0x10, 0x20);
        assertThat(log).containsExactly(new Registers(42, 0x10, 0x20, 0).toString());
        assertThat(observedWaitFor).containsExactly(values);
        assertThat(board.boundary("a").returns()).contains(values);
        assertThat(traceContaining("Yield-WaitFor")).containsExactly(
                "[" + a.processid() + "] Yield-WaitFor: [NU] (0x2a, 0x10, 0x20)");
    }

    @Test
    void aYieldWaitForCompletedByASubscribedUpcallReturnsItsValuesInsteadOfCallingIt() {
        TestDriver driver = new TestDriver(board, DRIVER, 2, 0, 0);
        int[] upcall = new int[1];
        board.addApp(TestApps.app("a", sys -> {
            upcall[0] = sys.upcallAddress((x, y, z, w) -> log.add("upcall ran"));
            sys.subscribe(DRIVER, 1, upcall[0], 0x55);
            log.add(sys.yield(2, DRIVER, 1).toString());
            TestApps.park(sys);
        }));
        board.load();
        ProcessStandard a = board.process("a");
        board.runUntil(() -> a.getState() instanceof State.YieldedFor, 10);
        driver.scheduleUpcall(a.processid(), 1, 7, 8, 9);

        board.runUntil(() -> !log.isEmpty(), 10);

        assertThat(log).containsExactly(new Registers(7, 8, 9, 0).toString());
        assertThat(observedWaitFor).containsExactly(new SyscallReturn.YieldWaitFor(7, 8, 9));
        // Only the entry point was ever set up as a function call.
        assertThat(observedCalls).hasSize(1).containsExactlyElementsOf(board.boundary("a").functionCalls());
        assertThat(traceContaining("Yield-WaitFor")).containsExactly("[" + a.processid()
                + "] Yield-WaitFor [Suppressed function_call @" + hex(upcall[0]) + "] (0x7, 0x8, 0x9, 0x55)");
    }

    @Test
    void withoutTracingFunctionCallsAndYieldWaitForsAreStillObservedButNotPrinted() {
        List<String> quiet = new ArrayList<>();
        try (TestBoard untraced = new TestBoard(new NoMpu(), 4,
                KernelConfig.defaults().withDebug(quiet::add).withObserver(observer))) {
            TestDriver driver = new TestDriver(untraced, DRIVER, 2, 0, 0);
            untraced.addApp(TestApps.app("a", sys -> {
                sys.subscribe(DRIVER, 0, sys.upcallAddress((x, y, z, w) -> { }), 0);
                log.add(sys.yield(2, DRIVER, 1).toString());
                log.add(sys.yield(2, DRIVER, 0).toString());
                TestApps.park(sys);
            }));
            untraced.load();
            ProcessStandard a = untraced.process("a");
            untraced.runUntil(() -> a.getState() instanceof State.YieldedFor, 10);
            driver.scheduleUpcall(a.processid(), 1, 1, 1, 1);
            untraced.runUntil(() -> log.size() == 1, 10);
            driver.scheduleUpcall(a.processid(), 0, 2, 2, 2);
            untraced.runUntil(() -> log.size() == 2, 10);

            assertThat(observedCalls).hasSize(1);
            assertThat(observedWaitFor).hasSize(2);
            assertThat(quiet).isEmpty();
        }
    }

    // ---------------------------------------------------------------- a switch that fails

    @Test
    void aProcessThatCannotBeSwitchedToIsPutInAFaultState() {
        board.faultPolicy(FaultPolicies.stop());
        // The hook ends the process just before the switch, so the switch finds nothing to run.
        board.contextSwitchCallback(p -> p.terminate(Optional.of(3)));
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();

        board.step();

        assertThat(board.process("a").getState()).isEqualTo(State.FAULTED);
        assertThat(board.boundary("a").switches()).isZero();
        assertThat(log).isEmpty();
    }

    @Test
    void aProcessThatCannotBeSwitchedToUnderThePanicPolicyPanicsTheKernel() {
        board.faultPolicy(FaultPolicies.panic());
        board.contextSwitchCallback(p -> p.terminate(Optional.empty()));
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();

        assertThatThrownBy(board::step).isInstanceOf(KernelPanic.class).hasMessage("Process a had a fault");
    }

    @Test
    void aProcessRestartedAfterAFailedSwitchRunsAgainInTheSameTurn() {
        // Stop on the first fault, restart on any later one.
        int[] faults = new int[1];
        board.faultPolicy(p -> ++faults[0] == 1 ? FaultAction.Stop : FaultAction.Restart);
        boolean[] broken = {true};
        board.contextSwitchCallback(p -> {
            if (broken[0]) {
                broken[0] = false;
                p.setFaultState(); // faulted (and stopped) just before the switch
            }
        });
        board.addApp(TestApps.app("a", sys -> log.add("ran")));
        board.load();
        ProcessStandard a = board.process("a");

        board.step();

        assertThat(faults[0]).isEqualTo(2);
        assertThat(a.getRestartCount()).isEqualTo(1);
        assertThat(log).containsExactly("ran");
        assertThat(board.boundary("a").switches()).isEqualTo(1);
    }

    @Test
    void aYieldedProcessWithNoTaskToRunIsNotSwitchedTo() {
        ProcessId id = ProcessId.newExternal(board.kernel(), 500, 0, Capability.externalProcess());
        List<String> calls = new ArrayList<>();
        int[] readyAsked = new int[1];
        // A process that claims to be ready once, is yielded, yet has nothing queued.
        Process p = (Process) Proxy.newProxyInstance(Process.class.getClassLoader(), new Class<?>[] {Process.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "processid" -> id;
                        case "ready" -> ++readyAsked[0] == 1;
                        case "getState" -> State.YIELDED;
                        case "dequeueTask", "switchTo" -> Optional.empty();
                        case "toString" -> "yielded process with no task";
                        default -> null;
                    };
                });

        ProcessExecution.Outcome outcome =
                board.kernel().doProcess(board.resources(), board.chip(), p, OptionalInt.of(10_000));

        assertThat(outcome.reason()).isEqualTo(StoppedExecutingReason.NoWorkLeft);
        assertThat(calls).contains("dequeueTask").doesNotContain("setupMpu", "switchTo", "setFaultState");
    }
}
