package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;
import org.tock4j.userland.Registers;

/**
 * Subscribe through real processes and {@code Kernel.handleSyscall}: pointer validation, missing drivers, the
 * NOMEM → {@code try_allocate_grant} → retry dance, swapping, and clearing pending upcalls. Seed:
 * {@code kernel.rs} {@code Syscall::Subscribe}.
 */
class SubscribeTests {
    private static final int DRIVER = 0x99;
    private static final int FAILURE_U32_U32 = 2;
    private static final int SUCCESS_U32_U32 = 130;

    private final TestBoard board = new TestBoard();
    private final TestDriver driver = new TestDriver(board, DRIVER, 2, 1, 1);
    private final List<Registers> results = new ArrayList<>();
    private final List<Integer> fns = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private void run(TestApps.Main main, int expectedResults) {
        board.addApp(TestApps.app("a", main));
        board.load();
        board.runUntil(() -> results.size() >= expectedResults, 50);
    }

    private static Registers failure(ErrorCode error, int ptr, int appdata) {
        return new Registers(FAILURE_U32_U32, error.number(), ptr, appdata);
    }

    @Test
    void subscribeReturnsThePreviousUpcallAndAppdata() {
        run(sys -> {
            int f1 = sys.upcallAddress((a, b, c, d) -> { });
            int f2 = sys.upcallAddress((a, b, c, d) -> { });
            fns.add(f1);
            results.add(sys.subscribe(DRIVER, 0, f1, 0x11));
            results.add(sys.subscribe(DRIVER, 0, f2, 0x22));
            results.add(sys.subscribe(DRIVER, 0, 0, 0));
        }, 3);

        int f1 = fns.getFirst();
        // SuccessU32U32(previous fn, previous appdata); r3 keeps what the app passed, as on the hardware.
        assertThat(results.get(0)).isEqualTo(new Registers(SUCCESS_U32_U32, 0, 0, 0x11));
        assertThat(results.get(1)).isEqualTo(new Registers(SUCCESS_U32_U32, f1, 0x11, 0x22));
        assertThat(results.get(2).r0()).isEqualTo(SUCCESS_U32_U32);
        assertThat(results.get(2).r1()).isEqualTo(f1 + 4);
        assertThat(results.get(2).r2()).isEqualTo(0x22);
        assertThat(board.boundary("a").returns()).contains(new SyscallReturn.SubscribeSuccess(f1, 0x11));
    }

    @Test
    void subscribeWithANullPointerUnsubscribesSoUpcallsBecomeReturnValues() {
        run(sys -> {
            int f = sys.upcallAddress((a, b, c, d) -> { });
            results.add(sys.subscribe(DRIVER, 0, f, 1));
            results.add(sys.subscribe(DRIVER, 0, 0, 0));
        }, 2);
        ProcessStandard a = board.process("a");

        driver.scheduleUpcall(a.processid(), 0, 1, 2, 3);

        assertThat(results).allMatch(Registers::isSuccess);
        assertThat(a.removeUpcall(new UpcallId(DRIVER, 0))).get()
                .isInstanceOf(Task.ReturnValue.class);
    }

    @Test
    void subscribeOutsideFlashIsInval() {
        run(sys -> {
            results.add(sys.subscribe(DRIVER, 0, 0x101, 0x77));               // kernel flash
            results.add(sys.subscribe(DRIVER, 0, 0x2000_0001, 0x77));         // kernel RAM
            results.add(sys.subscribe(DRIVER, 0, sys.memop(4, 0).r1() | 1, 0x77)); // own protected header
        }, 3);

        assertThat(results.get(0)).isEqualTo(failure(ErrorCode.INVAL, 0x101, 0x77));
        assertThat(results.get(1)).isEqualTo(failure(ErrorCode.INVAL, 0x2000_0001, 0x77));
        assertThat(results.get(2).errorCode()).isEqualTo(ErrorCode.INVAL.number());
        assertThat(driver.allocateGrantCalls()).isZero();
    }

    @Test
    void subscribeToAnotherProcessesFlashIsInval() {
        board.addApp(TestApps.app("other", sys -> { }));
        run(sys -> {
            int otherFlash = TestBoard.APPS_FLASH_START + 0x100;
            results.add(sys.subscribe(DRIVER, 0, otherFlash | 1, 0));
        }, 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.INVAL.number());
    }

    @Test
    void subscribeToAnAddressInAppMemoryIsAccepted() {
        run(sys -> {
            int ram = TestApps.growAppMemory(sys, 256);
            results.add(sys.subscribe(DRIVER, 0, ram + 0x10, 0));
        }, 1);

        assertThat(results.getFirst().isSuccess()).isTrue();
    }

    @Test
    void subscribeToAMissingDriverIsNodevice() {
        run(sys -> {
            int f = sys.upcallAddress((a, b, c, d) -> { });
            fns.add(f);
            results.add(sys.subscribe(0x1234, 0, f, 9));
        }, 1);

        assertThat(results.getFirst()).isEqualTo(failure(ErrorCode.NODEVICE, fns.getFirst(), 9));
    }

    @Test
    void anInvalidPointerIsReportedBeforeAMissingDriver() {
        run(sys -> results.add(sys.subscribe(0x1234, 0, 0x101, 0)), 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.INVAL.number());
    }

    @Test
    void theFirstSubscribeAsksTheDriverToAllocateItsGrantAndRetries() {
        run(sys -> results.add(sys.subscribe(DRIVER, 1, sys.upcallAddress((a, b, c, d) -> { }), 0)), 1);

        assertThat(results.getFirst().isSuccess()).isTrue();
        assertThat(driver.allocateGrantCalls()).isEqualTo(1);
        assertThat(board.process("a").grantAllocatedCount()).hasValue(1);
    }

    @Test
    void subscribeToADriverThatDoesNotAllocateIsNomem() {
        driver.allocation(TestDriver.Allocation.FAILS);
        run(sys -> {
            int f = sys.upcallAddress((a, b, c, d) -> { });
            fns.add(f);
            results.add(sys.subscribe(DRIVER, 0, f, 3));
        }, 1);

        assertThat(results.getFirst()).isEqualTo(failure(ErrorCode.NOMEM, fns.getFirst(), 3));
        assertThat(driver.allocateGrantCalls()).isEqualTo(1);
    }

    @Test
    void subscribeToADriverThatAllocatesNothingNewIsNomem() {
        driver.allocation(TestDriver.Allocation.CLAIMS_OK_WITHOUT_ALLOCATING);
        run(sys -> results.add(sys.subscribe(DRIVER, 0, 0, 3)), 1);

        assertThat(results.getFirst()).isEqualTo(failure(ErrorCode.NOMEM, 0, 3));
        assertThat(board.process("a").grantAllocatedCount()).hasValue(0);
    }

    @Test
    void subscribeNumberPastTheGrantsUpcallCountIsNosupport() {
        run(sys -> {
            results.add(sys.subscribe(DRIVER, 2, 0, 5));
            results.add(sys.subscribe(DRIVER, -1, 0, 5));
        }, 2);

        assertThat(results.get(0)).isEqualTo(failure(ErrorCode.NOSUPPORT, 0, 5));
        assertThat(results.get(1)).isEqualTo(failure(ErrorCode.NOSUPPORT, 0, 5));
    }

    @Test
    void aSuccessfulSubscribeClearsPendingUpcallsOfThatIdOnly() {
        List<Integer> pending = new ArrayList<>();
        driver.onCommand((n, x, y, pid) -> {
            if (n == 1) {
                driver.scheduleUpcall(pid, 0, 1, 0, 0);
                driver.scheduleUpcall(pid, 0, 2, 0, 0);
                driver.scheduleUpcall(pid, 1, 3, 0, 0);
            } else {
                pending.add(board.kernel().getProcess(pid).orElseThrow().pendingTasks());
            }
            return CommandReturn.success();
        });
        run(sys -> {
            int f = sys.upcallAddress((a, b, c, d) -> { });
            sys.subscribe(DRIVER, 0, f, 0);
            sys.subscribe(DRIVER, 1, f, 0);
            sys.command(DRIVER, 1, 0, 0);
            sys.command(DRIVER, 2, 0, 0);
            results.add(sys.subscribe(DRIVER, 0, f, 0));
            sys.command(DRIVER, 2, 0, 0);
        }, 1);

        assertThat(pending).containsExactly(3, 1);
    }

    @Test
    void aFailedSubscribeKeepsPendingUpcalls() {
        List<Integer> pending = new ArrayList<>();
        driver.onCommand((n, x, y, pid) -> {
            if (n == 1) {
                driver.scheduleUpcall(pid, 0, 1, 0, 0);
            } else {
                pending.add(board.kernel().getProcess(pid).orElseThrow().pendingTasks());
            }
            return CommandReturn.success();
        });
        run(sys -> {
            sys.subscribe(DRIVER, 0, sys.upcallAddress((a, b, c, d) -> { }), 0);
            sys.command(DRIVER, 1, 0, 0);
            results.add(sys.subscribe(DRIVER, 0, 0x101, 0));
            sys.command(DRIVER, 2, 0, 0);
        }, 1);

        assertThat(results.getFirst().isFailure()).isTrue();
        assertThat(pending).containsExactly(1);
    }
}
