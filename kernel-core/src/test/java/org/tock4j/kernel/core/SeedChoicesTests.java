package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;

/**
 * Where TRD104's text and the seeds (Tock's {@code kernel.rs}) part ways, tock4j does what the seeds do; each
 * such choice is recorded in {@code docs/trd104-conformance.md} and pinned here.
 */
class SeedChoicesTests {
    private final TestBoard board = new TestBoard();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void yieldNoWaitWithOnlyANullUpcallPendingLeavesTheProcessYieldedUntilARealUpcallComes() {
        // TRD104 4.1.1 says yield-no-wait returns at once when no upcall can run; the seed's yield-no-wait sees
        // a pending task (the null upcall's return value), sets Yielded, and do_process then drops that task
        // without waking the process ("Yield-Wait does not wake the process for Null Upcalls").
        TestDriver driver = new TestDriver(board, 0x99, 2, 0, 0);
        driver.onCommand((n, a, b, p) -> {
            driver.scheduleUpcall(p, 0, 4, 5, 6);                               // a null upcall, pending
            return org.tock4j.kernel.syscall.CommandReturn.success();
        });
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            sys.subscribe(0x99, 0, 0, 0);                                        // the null upcall
            sys.subscribe(0x99, 1, sys.upcallAddress((x, y, z, w) -> log.add("real upcall")), 0);
            sys.command(0x99, 7, 0, 0);
            log.add("null upcall pending");
            sys.yield(0, ram, 0);
            log.add("yield-no-wait returned");
            TestApps.park(sys);
        }));
        board.load();
        board.steps(5);

        assertThat(log).containsExactly("null upcall pending");
        assertThat(board.process("a").getState()).isEqualTo(State.YIELDED);
        assertThat(board.process("a").hasTasks()).isFalse();                    // the null upcall was dropped

        driver.scheduleUpcall(board.process("a").processid(), 1, 0, 0, 0);
        board.steps(3);

        assertThat(log).containsExactly("null upcall pending", "real upcall", "yield-no-wait returned");
    }
}
