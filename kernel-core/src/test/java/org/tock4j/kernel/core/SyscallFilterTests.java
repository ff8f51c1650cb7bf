package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.userland.Registers;

/** The board's syscall filter: it sees command, subscribe and the allows, never yield, exit or memop. */
class SyscallFilterTests {
    private static final int DRIVER = 0x99;

    private final TestBoard board = new TestBoard();
    private final TestDriver driver = new TestDriver(board, DRIVER, 1, 1, 1);
    private final List<Syscall> filtered = new ArrayList<>();
    private final List<Registers> results = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void aRejectingFilterFailsCommandSubscribeAndAllowsWithItsError() {
        board.syscallFilter((process, syscall) -> {
            filtered.add(syscall);
            return Result.err(ErrorCode.RESERVE);
        });
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            results.add(sys.command(DRIVER, 1, 0, 0));
            results.add(sys.subscribe(DRIVER, 0, 0, 0));
            results.add(sys.allowReadOnly(DRIVER, 0, ram, 4));
            results.add(sys.allowReadWrite(DRIVER, 0, ram, 4));
            results.add(sys.allowUserspaceReadable(DRIVER, 0, ram, 4));
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> results.size() == 5, 20);

        assertThat(results).extracting(Registers::r0, Registers::r1)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(0, ErrorCode.RESERVE.number()));
        assertThat(board.boundary("a").returns())
                .endsWith(new SyscallReturn.Failure(ErrorCode.RESERVE));
        assertThat(driver.calls()).isEmpty();
        assertThat(driver.allocateGrantCalls()).isZero();
        assertThat(filtered).hasSize(5);
    }

    @Test
    void theFilterNeverSeesYieldExitOrMemop() {
        board.syscallFilter((process, syscall) -> {
            filtered.add(syscall);
            return Result.err(ErrorCode.RESERVE);
        });
        board.addApp(TestApps.app("a", sys -> {
            results.add(sys.memop(2, 0));
            sys.yield(0, 0, 0);
            sys.exit(0, 3);
        }));
        board.load();

        board.runUntil(() -> board.process("a").getState() instanceof State.Terminated, 20);

        assertThat(filtered).isEmpty();
        assertThat(results.getFirst().isSuccess()).isTrue();
    }

    @Test
    void theFilterSeesTheDecodedSyscallAndTheProcess() {
        List<String> names = new ArrayList<>();
        board.syscallFilter((process, syscall) -> {
            filtered.add(syscall);
            names.add(process.getProcessName());
            return Result.ok();
        });
        board.addApp(TestApps.app("a", sys -> results.add(sys.command(DRIVER, 4, 5, 6))));
        board.load();

        board.runUntil(() -> !results.isEmpty(), 20);

        assertThat(filtered).containsExactly(new Syscall.Command(DRIVER, 4, 5, 6));
        assertThat(names).containsExactly("a");
        assertThat(driver.calls()).hasSize(1);
    }
}
