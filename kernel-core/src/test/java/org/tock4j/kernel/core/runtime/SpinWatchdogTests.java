package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjIntConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.userland.Syscalls;

/**
 * The spin watchdog: app code that runs past it without reaching a preemption point is faulted as spinning, and
 * the kernel and the other processes carry on. The watchdog is the kernel's one wall-clock reading (150 ms here),
 * so these tests take real time; they are the only ones that reach the runtime's user/kernel mode bookkeeping.
 */
class SpinWatchdogTests {
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

    /** The last preemption point an app reaches before it spins. */
    enum LastPreemptionPoint {
        READ8((sys, ram) -> sys.memory().read8(ram)),
        WRITE8((sys, ram) -> sys.memory().write8(ram, (byte) 1)),
        READ32((sys, ram) -> sys.memory().read32(ram)),
        WRITE32((sys, ram) -> sys.memory().write32(ram, 1)),
        READ((sys, ram) -> sys.memory().read(ram, new byte[4], 0, 4)),
        WRITE((sys, ram) -> sys.memory().write(ram, new byte[4], 0, 4)),
        BUSY((sys, ram) -> sys.busy(10)),
        UPCALL_ADDRESS((sys, ram) -> sys.upcallAddress((a, b, c, d) -> { }));

        private final ObjIntConsumer<Syscalls> reach;

        LastPreemptionPoint(ObjIntConsumer<Syscalls> reach) {
            this.reach = reach;
        }
    }

    @ParameterizedTest
    @EnumSource
    void appCodeIsWatchedAgainAfterEveryKindOfPreemptionPoint(LastPreemptionPoint point) {
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("spinner", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            point.reach.accept(sys, ram);
            while (!release.get()) {
                Thread.onSpinWait();
            }
        }));
        board.load();

        board.runUntil(() -> board.process("spinner").getState() instanceof State.Faulted, 10);

        assertThat(faultOf("spinner")).startsWith("spun for more than 150 ms");
    }
}
