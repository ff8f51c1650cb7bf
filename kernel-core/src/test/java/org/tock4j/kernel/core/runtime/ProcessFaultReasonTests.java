package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;

/**
 * Each way an app can misbehave gets its own fault reason, and the kernel and the other processes carry on: code
 * that spins without a preemption point (the wall-clock watchdog), a stack overflow, Java heap exhaustion, an
 * access to another process's memory, and app memory grown until NOMEM (not a fault at all).
 */
class ProcessFaultReasonTests {
    private static final Duration WATCHDOG = Duration.ofMillis(150);

    private final AtomicBoolean release = new AtomicBoolean();
    private final List<Object> log = new CopyOnWriteArrayList<>();
    private TestBoard board = new TestBoard(new CheckingMpu(), 4, KernelConfig.defaults().withSpinWatchdog(WATCHDOG));

    @AfterEach
    void closeBoard() {
        release.set(true);
        board.close();
    }

    /** Spins (no preemption point) until the test releases it, then makes a system call. */
    private TestApps.Main spinner() {
        return sys -> {
            log.add(Thread.currentThread());
            sys.command(0x99, 1, 0, 0);
            while (!release.get()) {
                Thread.onSpinWait();
            }
            log.add("spinner reached a preemption point");
            sys.command(0x99, 1, 0, 0);
            log.add("spinner continued");
        };
    }

    private String faultOf(String name) {
        return board.boundary(name).runtime().lastFault().orElseThrow().reason();
    }

    @Test
    void anAppThatSpinsPastTheWatchdogWithoutAPreemptionPointIsFaultedAndTheOthersRun() throws Exception {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("spinner", spinner()));
        board.addApp(TestApps.app("worker", sys -> {
            for (int i = 0; i < 3; i++) {
                sys.command(0x99, 2, i, 0);
            }
            TestApps.park(sys);
        }));
        board.load();
        ProcessStandard spinner = board.process("spinner");

        long start = System.nanoTime();
        board.runUntil(() -> spinner.getState() instanceof State.Faulted, 10);
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        board.runUntil(() -> driver.calls().stream().filter(c -> c.commandNum() == 2).count() == 3, 10);

        assertThat(faultOf("spinner")).startsWith("spun for more than 150 ms of wall time without reaching a "
                + "preemption point");
        assertThat(waitedMs).isGreaterThanOrEqualTo(WATCHDOG.toMillis());
        assertThat(board.kernel().cpu().heldByCurrentThread()).isTrue();

        // The abandoned thread unwinds at its next preemption point, touching nothing.
        release.set(true);
        Thread abandoned = (Thread) log.getFirst();
        abandoned.join(5_000);
        assertThat(abandoned.isAlive()).isFalse();
        assertThat(log).contains("spinner reached a preemption point").doesNotContain("spinner continued");
        assertThat(driver.calls().stream().filter(c -> c.commandNum() == 1)).hasSize(1);
        assertThat(spinner.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void aSpinningAppUnderTheRestartPolicyStartsAgainOnANewThread() throws Exception {
        new TestDriver(board, 0x99, 1, 0, 0);
        board.faultPolicy(FaultPolicies.thresholdRestart(0));
        int[] lives = new int[1];
        board.addApp(TestApps.app("spinner", sys -> {
            lives[0]++;
            if (lives[0] == 1) {
                spinner().run(sys);
            }
            log.add("second life");
            TestApps.park(sys);
        }));
        board.load();
        ProcessStandard spinner = board.process("spinner");

        board.runUntil(() -> log.contains("second life"), 10);

        assertThat(spinner.getRestartCount()).isEqualTo(1);
        assertThat(spinner.getState()).isInstanceOf(State.YieldedFor.class);
        release.set(true);
        ((Thread) log.getFirst()).join(5_000);
        assertThat(log).doesNotContain("spinner continued");
        // The new life is untouched by the old thread's unwinding.
        board.steps(3);
        assertThat(spinner.getState()).isInstanceOf(State.YieldedFor.class);
    }

    @Test
    void anAppThatKeepsReachingPreemptionPointsIsNeverFaultedHoweverLongItRuns() {
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("reader", sys -> {
            int start = sys.memop(2, 0).r1();
            long until = System.nanoTime() + 3 * WATCHDOG.toNanos();
            while (System.nanoTime() < until) {
                sys.memory().read8(start);                   // a preemption point that costs no virtual time
            }
            log.add("done");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.contains("done"), 10);

        assertThat(board.process("reader").getState()).isInstanceOf(State.YieldedFor.class);
        assertThat(board.boundary("reader").runtime().lastFault()).isEmpty();
    }

    @Test
    void kernelCodeOnTheProcessThreadIsNotWatchedAsAppCode() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        driver.onCommand((n, a, b, p) -> {
            // A slow capsule: kernel mode, so the watchdog waits for it as a hung kernel would be waited for.
            long until = System.nanoTime() + 2 * WATCHDOG.toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return CommandReturn.success();
        });
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("a", sys -> {
            sys.command(0x99, 1, 0, 0);
            log.add("command returned");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.contains("command returned"), 10);

        assertThat(board.boundary("a").runtime().lastFault()).isEmpty();
    }

    @Test
    void anAppWhoseUnwindingSpinsIsAbandonedAndTheKernelCarriesOn() throws Exception {
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("stubborn", sys -> {
            log.add(Thread.currentThread());
            try {
                TestApps.park(sys);
            } finally {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
                log.add("unwound");
            }
        }));
        board.load();
        board.step();
        ProcessStandard p = board.process("stubborn");

        p.terminate(Optional.empty());

        assertThat(p.getState()).isEqualTo(State.TERMINATED);
        assertThat(board.kernel().cpu().heldByCurrentThread()).isTrue();
        release.set(true);
        ((Thread) log.getFirst()).join(5_000);
        assertThat(log).contains("unwound");
    }

    @Test
    void aStackOverflowInAppCodeFaultsTheProcessWithThatReason() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("deep", sys -> {
            sys.command(0x99, 1, 0, 0);
            log.add(recurse(0));
        }));
        board.addApp(TestApps.app("other", sys -> {
            sys.command(0x99, 2, 0, 0);
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> board.process("deep").getState() instanceof State.Faulted, 10);
        board.runUntil(() -> driver.calls().size() == 2, 10);

        assertThat(faultOf("deep")).startsWith("stack overflow: java.lang.StackOverflowError");
        assertThat(log).isEmpty();
        assertThat(board.process("other").getState()).isInstanceOf(State.YieldedFor.class);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void javaHeapExhaustionInAppCodeIsNamedAsSuch() {
        // A real OutOfMemoryError is JVM-wide (any thread may be the one that fails to allocate), so this test
        // does not exhaust the test JVM's heap: it checks how the runtime names the error when app code gets it.
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("hog", sys -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        board.load();

        board.runUntil(() -> board.process("hog").getState() instanceof State.Faulted, 10);

        assertThat(faultOf("hog")).isEqualTo("out of Java heap: java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void growingTheHeapWithSbrkUntilNomemKeepsTheProcessRunning() {
        new TestDriver(board, 0x99, 1, 0, 0);
        board.faultPolicy(FaultPolicies.stop());
        List<Integer> results = new ArrayList<>();
        board.addApp(TestApps.app("grower", sys -> {
            int failures = 0;
            int grown = 0;
            while (failures == 0) {
                var r = sys.memop(1, 1024);
                if (r.isSuccess()) {
                    grown += 1024;
                } else {
                    failures++;
                    results.add(r.errorCode());
                }
            }
            results.add(grown);
            // Still alive: more calls work, and the whole of the grown memory is usable.
            results.add(sys.command(0x99, 1, 0, 0).isSuccess() ? 1 : 0);
            results.add(sys.memop(1, 1024).errorCode());
            int brk = sys.memop(1, 0).r1();
            sys.memory().write8(brk - 1, (byte) 1);
            results.add(sys.subscribe(0x99, 0, 0, 0).errorCode());
            log.add("done");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.contains("done"), 20);

        assertThat(results.get(0)).isEqualTo(9);                  // NOMEM
        assertThat(results.get(1)).isGreaterThan(2048);             // most of the 4 KiB asked for
        assertThat(results.get(2)).isEqualTo(1);
        assertThat(results.get(3)).isEqualTo(9);
        assertThat(board.process("grower").getState()).isInstanceOf(State.YieldedFor.class);
        assertThat(board.boundary("grower").runtime().lastFault()).isEmpty();
    }

    @Test
    void touchingAnotherProcesssMemoryFaultsTheToucherAndLeavesTheOtherIntact() {
        board.faultPolicy(FaultPolicies.stop());
        int[] victimRam = new int[1];
        board.addApp(TestApps.app("victim", sys -> {
            victimRam[0] = TestApps.growAppMemory(sys, 256);
            sys.memory().write32(victimRam[0] + 128, 0x1234_5678);
            log.add("victim ready");
            TestApps.park(sys);
        }));
        board.addApp(TestApps.app("attacker", sys -> {
            sys.memory().write32(victimRam[0] + 128, 0xBAD);
            log.add("attacker wrote");
        }));
        board.load();

        board.runUntil(() -> board.process("attacker").getState() instanceof State.Faulted, 10);

        assertThat(log).containsExactly("victim ready");
        assertThat(faultOf("attacker")).isEqualTo(String.format("MPU fault: write at %#010x", victimRam[0] + 128));
        assertThat(board.memory().bytes(victimRam[0] + 128, 4)).containsExactly(0x78, 0x56, 0x34, 0x12);
        assertThat(board.process("victim").getState()).isInstanceOf(State.YieldedFor.class);
    }
}
