package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallReturn;

/** The JVM as the process architecture: one virtual thread per incarnation, ended when the kernel ends it. */
class JvmProcessRuntimeTests {
    private final TestBoard board = new TestBoard();
    private final List<Object> log = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void exitEndsTheProcessesThread() throws InterruptedException {
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            sys.exit(0, 0);
        }));
        board.load();

        board.steps(2);

        Thread thread = (Thread) log.getFirst();
        thread.join();
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void eachIncarnationRunsOnANewThreadAndTheOldOneEnds() throws InterruptedException {
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            if (log.size() == 1) {
                sys.exit(1, 0);
            }
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.size() == 2, 10);

        Thread first = (Thread) log.get(0);
        Thread second = (Thread) log.get(1);
        first.join();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isAlive()).isTrue();
        assertThat(second.getName()).isEqualTo("a#2");
    }

    @Test
    void terminatingAProcessFromTheKernelUnwindsItsParkedThread() throws InterruptedException {
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            try {
                TestApps.park(sys);
            } finally {
                log.add("unwound");
            }
        }));
        board.load();
        board.step();

        board.process("a").terminate(Optional.empty());

        ((Thread) log.getFirst()).join();
        assertThat(log).endsWith("unwound");
        assertThat(board.kernel().cpu().heldByCurrentThread()).isTrue();
    }

    @Test
    void returningFromMainLeavesTheProcessYieldingSoItsCallbacksStillRun() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", sys ->
                sys.subscribe(0x99, 0, sys.upcallAddress((x, y, z, w) -> log.add("callback " + x)), 0)));
        board.load();
        board.steps(2);
        assertThat(board.process("a").getState()).isEqualTo(State.YIELDED);

        driver.scheduleUpcall(board.process("a").processid(), 0, 1, 0, 0);
        driver.scheduleUpcall(board.process("a").processid(), 0, 2, 0, 0);
        board.steps(2);

        assertThat(log).containsExactly("callback 1", "callback 2");
    }

    @Test
    void anExitFromInsideAnUpcallEndsTheProcess() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(0x99, 0, sys.upcallAddress((x, y, z, w) -> sys.exit(0, x)), 0);
            sys.yield(1, 0, 0);
            log.add("returned from yield");
        }));
        board.load();
        board.steps(2);

        driver.scheduleUpcall(board.process("a").processid(), 0, 77, 0, 0);
        board.steps(2);

        assertThat(board.process("a").getState()).isEqualTo(State.TERMINATED);
        assertThat(board.process("a").getCompletionCode()).contains(Optional.of(77));
        assertThat(log).isEmpty();
    }

    @Test
    void anUpcallMayYieldForAnotherUpcall() {
        TestDriver driver = new TestDriver(board, 0x99, 2, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(0x99, 0, sys.upcallAddress((x, y, z, w) -> {
                log.add("outer " + x);
                log.add("inner got " + sys.yield(2, 0x99, 1).r0());
            }), 0);
            sys.yield(1, 0, 0);
            log.add("main resumed");
            TestApps.park(sys);
        }));
        board.load();
        board.steps(2);
        var a = board.process("a").processid();

        driver.scheduleUpcall(a, 0, 1, 0, 0);
        board.steps(2);
        driver.scheduleUpcall(a, 1, 2, 0, 0);
        board.steps(2);

        assertThat(log).containsExactly("outer 1", "inner got 2", "main resumed");
    }

    @Test
    void aProcessPreemptedMidComputationCarriesOnWhereItStopped() {
        board.addApp(TestApps.app("a", sys -> {
            for (int i = 0; i < 3; i++) {
                sys.busy(6_000);
                log.add("chunk " + i);
            }
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.size() == 3, 20);

        assertThat(log).containsExactly("chunk 0", "chunk 1", "chunk 2");
        assertThat(board.process("a").debugTimesliceExpirationCount()).isEqualTo(1);
    }

    @Test
    void aProcessTerminatedWhilePreemptedIsUnwoundFromItsPreemptionPoint() throws InterruptedException {
        board.chip().interruptAt(2_500_000, () -> board.process("a").terminate(Optional.of(5)));
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            try {
                while (true) {
                    sys.busy(1_000);
                }
            } finally {
                log.add("unwound");
            }
        }));
        board.load();

        board.steps(3);

        ((Thread) log.getFirst()).join();
        assertThat(log).endsWith("unwound");
        assertThat(board.process("a").getCompletionCode()).contains(Optional.of(5));
    }

    @Test
    void aProcessRestartedDuringAnotherProcessesSyscallIsUnwoundAndStartsAgain() {
        int[] bStarts = new int[1];
        new TestDriver(board, 0x99, 0, 0, 0).onCommand((n, x, y, pid) -> {
            board.process("b").tryRestart(Optional.empty());
            log.add("restarted b from " + Thread.currentThread().getName());
            return CommandReturn.success();
        });
        board.addApp(TestApps.app("b", sys -> {
            bStarts[0]++;
            TestApps.park(sys);
        }));
        board.addApp(TestApps.app("a", sys -> {
            sys.command(0x99, 1, 0, 0);
            log.add("a carried on");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> bStarts[0] == 2, 10);

        assertThat(log).containsExactly("restarted b from a#1", "a carried on");
        assertThat(board.process("b").getRestartCount()).isEqualTo(1);
    }

    @Test
    void syscallsFromAnotherThreadOfTheAppAreRefused() {
        board.addApp(TestApps.app("a", sys -> {
            Thread helper = Thread.ofPlatform().start(() -> {
                try {
                    sys.command(0x99, 0, 0, 0);
                } catch (IllegalStateException expected) {
                    log.add("refused");
                }
            });
            helper.join();
            log.add("done");
        }));
        board.load();

        board.runUntil(() -> log.contains("done"), 10);

        assertThat(log).containsExactly("refused", "done");
    }

    @Test
    void closingTheBoardEndsEveryProcessThread() throws InterruptedException {
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            TestApps.park(sys);
        }));
        board.addApp(TestApps.app("b", sys -> {
            log.add(Thread.currentThread());
            sys.busy(1_000_000);
        }));
        board.load();
        board.steps(2);

        board.close();

        for (Object t : log) {
            ((Thread) t).join();
        }
        assertThat(log).hasSize(2);
    }

    @Test
    void busyForNoCyclesIsAllowedAndTakesNoTime() {
        board.addApp(TestApps.app("a", sys -> {
            long before = board.chip().nowNs();
            sys.busy(0);
            log.add(board.chip().nowNs() - before);
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.size() == 1, 10);

        assertThat(log).containsExactly(0L);
    }

    @Test
    void aProcessNeedsAtLeastTheInitialBreakOfMemoryAndStartsWithClearedRegisters() {
        JvmProcessRuntime runtime = new JvmProcessRuntime(board.kernel(), board.chip(), board.kernel().cpu(),
                () -> TestApps.app("a", sys -> { }), "a", TestBoard.APPS_FLASH_START, 1024, 1);
        int start = TestBoard.APPS_RAM_START;

        assertThat(runtime.initializeProcess(start, start + JvmProcessRuntime.INITIAL_APP_BRK_SIZE - 1)).isFalse();
        assertThat(runtime.initializeProcess(start, start + JvmProcessRuntime.INITIAL_APP_BRK_SIZE)).isTrue();

        runtime.setSyscallReturnValue(start, start + 32, new SyscallReturn.SuccessU32U32(0x1234, 0x5678));
        assertThat(runtime.printContext(start, start + 32)).contains("r0 0x00000082 r1 0x00001234 r2 0x00005678");

        runtime.initializeProcess(start, start + 32);
        assertThat(runtime.printContext(start, start + 32))
                .contains("r0 0x00000000 r1 0x00000000 r2 0x00000000 r3 0x00000000")
                .contains("pending call: null").contains("fault: none");
    }
}
