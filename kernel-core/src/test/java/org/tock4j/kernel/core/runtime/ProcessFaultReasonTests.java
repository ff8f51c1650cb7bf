package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;

/**
 * Each way an app can misbehave gets its own fault reason, and the kernel and the other processes carry on: a
 * stack overflow, Java heap exhaustion, an access to another process's memory, and app memory grown until NOMEM
 * (not a fault at all). Spinning has {@link SpinWatchdogTests}.
 */
class ProcessFaultReasonTests {
    private final List<Object> log = new CopyOnWriteArrayList<>();
    private final TestBoard board = new TestBoard(new CheckingMpu(), 4, KernelConfig.defaults());

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private String faultOf(String name) {
        return board.boundary(name).runtime().lastFault().orElseThrow().reason();
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
