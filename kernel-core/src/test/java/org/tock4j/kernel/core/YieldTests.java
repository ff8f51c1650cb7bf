package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;
import org.tock4j.userland.Registers;

/**
 * The three yield variants (TRD104, seed {@code kernel.rs}): no-wait and its has-tasks byte, wait running exactly
 * one upcall, wait-for returning an upcall's values without running it, and an invalid variant.
 */
class YieldTests {
    private static final int DRIVER = 0x99;
    private static final int NO_WAIT = 0;
    private static final int WAIT = 1;
    private static final int WAIT_FOR = 2;

    private final TestBoard board = new TestBoard();
    private final TestDriver driver = new TestDriver(board, DRIVER, 2, 0, 0);
    private final List<Object> log = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** Command 1 schedules upcall {@code arg0} with values (arg1, arg0, 0xC); command 2 schedules two of sub 0. */
    private void driverSchedulesOnCommand() {
        driver.onCommand((n, x, y, pid) -> {
            if (n == 1) {
                driver.scheduleUpcall(pid, x, y, x, 0xC);
            } else if (n == 2) {
                driver.scheduleUpcall(pid, 0, 1, 0, 0);
                driver.scheduleUpcall(pid, 0, 2, 0, 0);
            }
            return CommandReturn.success();
        });
    }

    private void load(TestApps.Main main) {
        board.addApp(TestApps.app("a", main));
        board.load();
    }

    @Test
    void yieldNoWaitWritesZeroToTheHasTasksByteWhenNothingIsQueued() {
        load(sys -> {
            int ram = TestApps.growAppMemory(sys, 256);
            sys.memory().write8(ram + 0x20, (byte) 0xAA);
            sys.yield(NO_WAIT, ram + 0x20, 0);
            log.add(sys.memory().read8(ram + 0x20));
        });
        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(log).containsExactly((byte) 0);
    }

    @Test
    void yieldNoWaitWritesOneAndRunsOneQueuedUpcall() {
        driverSchedulesOnCommand();
        load(sys -> {
            int ram = TestApps.growAppMemory(sys, 256);
            sys.subscribe(DRIVER, 0, sys.upcallAddress((a, b, c, d) -> log.add("upcall " + a)), 0);
            sys.command(DRIVER, 2, 0, 0);
            sys.yield(NO_WAIT, ram + 0x20, 0);
            log.add("has tasks " + sys.memory().read8(ram + 0x20));
            TestApps.park(sys);
        });
        board.runUntil(() -> log.size() >= 2, 20);

        assertThat(log).containsExactly("upcall 1", "has tasks 1");
        assertThat(board.process("a").pendingTasks()).isEqualTo(1);
    }

    @Test
    void yieldNoWaitWritesNothingAtAnAddressOutsideAppMemory() {
        load(sys -> {
            int flash = sys.memop(4, 0).r1();
            sys.yield(NO_WAIT, flash, 0);
            sys.yield(NO_WAIT, 0, 0);
            log.add("returned");
        });
        byte before = board.memory().read8(TestBoard.APPS_FLASH_START);
        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(board.memory().read8(TestBoard.APPS_FLASH_START)).isEqualTo(before);
    }

    @Test
    void yieldWaitRunsExactlyOneUpcallThenReturns() {
        driverSchedulesOnCommand();
        load(sys -> {
            sys.subscribe(DRIVER, 0, sys.upcallAddress((a, b, c, d) -> log.add("upcall " + a)), 0);
            sys.command(DRIVER, 2, 0, 0);
            sys.yield(WAIT, 0, 0);
            log.add("after first yield");
            sys.yield(WAIT, 0, 0);
            log.add("after second yield");
        });
        board.runUntil(() -> log.size() >= 4, 20);

        assertThat(log).containsExactly("upcall 1", "after first yield", "upcall 2", "after second yield");
    }

    @Test
    void yieldWaitWithNothingQueuedLeavesTheProcessYieldedUntilAnUpcallArrives() {
        load(sys -> {
            sys.subscribe(DRIVER, 1, sys.upcallAddress((a, b, c, d) -> log.add("upcall " + a)), 0);
            sys.yield(WAIT, 0, 0);
            log.add("woke");
        });
        board.steps(3);
        ProcessStandard a = board.process("a");
        assertThat(a.getState()).isEqualTo(State.YIELDED);
        assertThat(log).isEmpty();

        driver.scheduleUpcall(a.processid(), 1, 42, 0, 0);
        board.runUntil(() -> log.size() >= 2, 10);

        assertThat(log).containsExactly("upcall 42", "woke");
    }

    @Test
    void anUpcallGetsItsValuesAndTheAppdataItWasSubscribedWith() {
        driverSchedulesOnCommand();
        List<int[]> args = new ArrayList<>();
        load(sys -> {
            sys.subscribe(DRIVER, 1, sys.upcallAddress((a, b, c, d) -> args.add(new int[] {a, b, c, d})), 0xDA7A);
            sys.command(DRIVER, 1, 1, 0x55);
            sys.yield(WAIT, 0, 0);
        });
        board.runUntil(() -> !args.isEmpty(), 20);

        assertThat(args.getFirst()).containsExactly(0x55, 1, 0xC, 0xDA7A);
        assertThat(board.boundary("a").functionCalls()).last().satisfies(call -> {
            assertThat(call.source()).isEqualTo(new FunctionCallSource.Driver(new UpcallId(DRIVER, 1)));
            assertThat(call.argument3()).isEqualTo(0xDA7A);
        });
    }

    @Test
    void yieldWaitForReturnsTheUpcallsValuesWithoutRunningTheCallback() {
        driverSchedulesOnCommand();
        load(sys -> {
            sys.subscribe(DRIVER, 1, sys.upcallAddress((a, b, c, d) -> log.add("callback ran")), 0);
            sys.command(DRIVER, 1, 1, 0x77);
            log.add(sys.yield(WAIT_FOR, DRIVER, 1));
        });
        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(log).containsExactly(new Registers(0x77, 1, 0xC, 0));
        assertThat(board.boundary("a").returns()).contains(new SyscallReturn.YieldWaitFor(0x77, 1, 0xC));
        assertThat(board.process("a").pendingTasks()).isZero();
    }

    @Test
    void yieldWaitForReturnsTheValuesOfANullUpcall() {
        driverSchedulesOnCommand();
        load(sys -> {
            sys.command(DRIVER, 1, 0, 0x31);
            log.add(sys.yield(WAIT_FOR, DRIVER, 0));
        });
        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(log).containsExactly(new Registers(0x31, 0, 0xC, 0));
    }

    @Test
    void yieldWaitForLeavesOtherUpcallsQueued() {
        driverSchedulesOnCommand();
        load(sys -> {
            sys.command(DRIVER, 1, 0, 1);
            sys.command(DRIVER, 1, 1, 2);
            log.add(sys.yield(WAIT_FOR, DRIVER, 1));
            log.add(sys.yield(WAIT_FOR, DRIVER, 0));
        });
        board.runUntil(() -> log.size() >= 2, 20);

        assertThat(log).extracting(r -> ((Registers) r).r0()).containsExactly(2, 1);
    }

    @Test
    void yieldWaitForBlocksUntilItsOwnUpcallArrives() {
        load(sys -> log.add(sys.yield(WAIT_FOR, DRIVER, 1)));
        board.steps(3);
        ProcessStandard a = board.process("a");
        assertThat(a.getState()).isEqualTo(new State.YieldedFor(new UpcallId(DRIVER, 1)));

        driver.scheduleUpcall(a.processid(), 0, 9, 9, 9);
        board.steps(3);
        assertThat(log).isEmpty();
        assertThat(a.pendingTasks()).isEqualTo(1);

        driver.scheduleUpcall(a.processid(), 1, 5, 6, 7);
        board.runUntil(() -> !log.isEmpty(), 10);
        assertThat(log).containsExactly(new Registers(5, 6, 7, 0));
    }

    @Test
    void anInvalidYieldVariantReturnsToTheProcessWithItsRegistersUnchanged() {
        load(sys -> {
            log.add(sys.yield(3, 0x1234, 0x5678));
            log.add(sys.yield(-1, 1, 2));
        });
        board.runUntil(() -> log.size() >= 2, 20);
        int returnsAfterInit = board.boundary("a").returns().size();

        assertThat(log).containsExactly(new Registers(3, 0x1234, 0x5678, 0), new Registers(-1, 1, 2, 0));
        assertThat(returnsAfterInit).isZero();
    }
}
