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
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.userland.Registers;

/**
 * Read-only, read-write and userspace-readable allows through real processes: where buffers may lie, the
 * swap, NODEVICE/NOSUPPORT/NOMEM, and what a capsule then sees. Seed: {@code kernel.rs} {@code ReadOnlyAllow},
 * {@code ReadWriteAllow}, {@code UserspaceReadableAllow}.
 */
class AllowTests {
    private static final int DRIVER = 0x99;
    private static final int FAILURE_U32_U32 = 2;
    private static final int SUCCESS_U32_U32 = 130;

    private final TestBoard board = new TestBoard();
    private final TestDriver driver = new TestDriver(board, DRIVER, 1, 1, 1);
    private final List<Registers> results = new ArrayList<>();
    private final int[] ram = new int[1];

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** Runs an app that first grows its app memory to 1 KiB ({@code ram[0]} is its start). */
    private void run(TestApps.Main main, int expectedResults) {
        board.addApp(TestApps.app("a", sys -> {
            ram[0] = TestApps.growAppMemory(sys, 1024);
            main.run(sys);
        }));
        board.load();
        board.runUntil(() -> results.size() >= expectedResults, 50);
    }

    private static Registers success(int ptr, int len) {
        return new Registers(SUCCESS_U32_U32, ptr, len, 0);
    }

    @Test
    void readOnlyAllowSwapsInTheNewBufferAndReturnsThePreviousOne() {
        run(sys -> {
            results.add(sys.allowReadOnly(DRIVER, 0, ram[0] + 0x100, 8));
            results.add(sys.allowReadOnly(DRIVER, 0, ram[0] + 0x200, 4));
        }, 2);

        assertThat(results.get(0).r0()).isEqualTo(SUCCESS_U32_U32);
        assertThat(results.get(0).r1()).isZero();
        assertThat(results.get(0).r2()).isZero();
        assertThat(results.get(1).r0()).isEqualTo(SUCCESS_U32_U32);
        assertThat(results.get(1).r1()).isEqualTo(ram[0] + 0x100);
        assertThat(results.get(1).r2()).isEqualTo(8);
        assertThat(board.boundary("a").returns())
                .contains(new SyscallReturn.AllowReadOnlySuccess(ram[0] + 0x100, 8));
    }

    @Test
    void readWriteAllowSwapsInTheNewBufferAndReturnsThePreviousOne() {
        run(sys -> {
            results.add(sys.allowReadWrite(DRIVER, 0, ram[0] + 0x100, 16));
            results.add(sys.allowReadWrite(DRIVER, 0, 0, 0));
        }, 2);

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(results.get(1)).isEqualTo(new Registers(SUCCESS_U32_U32, ram[0] + 0x100, 16, 0));
    }

    @Test
    void readOnlyAllowMayPointIntoTheAppsFlash() {
        run(sys -> {
            int code = sys.upcallAddress((a, b, c, d) -> { }) & ~1;
            results.add(sys.allowReadOnly(DRIVER, 0, code, 64));
        }, 1);

        assertThat(results.getFirst().isSuccess()).isTrue();
    }

    @Test
    void readOnlyAllowOfTheProtectedHeaderIsInval() {
        run(sys -> {
            int flashStart = sys.memop(4, 0).r1();
            results.add(sys.allowReadOnly(DRIVER, 0, flashStart, 16));
        }, 1);

        assertThat(results.getFirst()).isEqualTo(new Registers(FAILURE_U32_U32, ErrorCode.INVAL.number(),
                TestBoard.APPS_FLASH_START, 16));
    }

    @Test
    void readWriteAllowOfFlashIsInval() {
        run(sys -> {
            int code = sys.upcallAddress((a, b, c, d) -> { }) & ~1;
            results.add(sys.allowReadWrite(DRIVER, 0, code, 4));
        }, 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.INVAL.number());
    }

    @Test
    void readWriteAllowMustEndAtOrBelowTheAppBreak() {
        run(sys -> {
            int brk = ram[0] + 1024;
            results.add(sys.allowReadWrite(DRIVER, 0, brk - 16, 16));
            results.add(sys.allowReadWrite(DRIVER, 0, brk - 16, 17));
            results.add(sys.allowReadWrite(DRIVER, 0, sys.memop(6, 0).r1(), 4)); // the grant region
            results.add(sys.allowReadOnly(DRIVER, 0, brk, 1));
            results.add(sys.allowReadWrite(DRIVER, 0, ram[0] - 4, 8)); // starts before its RAM
        }, 5);

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(results.subList(1, 5)).extracting(Registers::errorCode)
                .containsOnly(ErrorCode.INVAL.number());
    }

    @Test
    void aBufferThatWrapsAroundTheAddressSpaceIsInval() {
        run(sys -> results.add(sys.allowReadWrite(DRIVER, 0, 0xFFFF_FFF0, 0x20)), 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.INVAL.number());
    }

    @Test
    void zeroLengthAllowsAreValidWhateverTheirAddress() {
        run(sys -> {
            results.add(sys.allowReadWrite(DRIVER, 0, 0xFFFF_0000, 0));
            results.add(sys.allowReadOnly(DRIVER, 0, 0x10, 0));
            results.add(sys.allowReadWrite(DRIVER, 0, 0, 0));
        }, 3);

        assertThat(results).allMatch(Registers::isSuccess);
        assertThat(results.get(2)).isEqualTo(success(0xFFFF_0000, 0));
    }

    @Test
    void allowsToAMissingDriverAreNodeviceAndHandTheBufferBack() {
        run(sys -> {
            results.add(sys.allowReadOnly(0x1234, 0, ram[0], 4));
            results.add(sys.allowReadWrite(0x1234, 0, ram[0], 4));
            results.add(sys.allowUserspaceReadable(0x1234, 0, ram[0], 4));
        }, 3);

        assertThat(results).containsOnly(new Registers(FAILURE_U32_U32, ErrorCode.NODEVICE.number(), ram[0], 4));
    }

    @Test
    void allowNumbersPastTheGrantsCountsAreNosupport() {
        run(sys -> {
            results.add(sys.allowReadOnly(DRIVER, 1, ram[0], 4));
            results.add(sys.allowReadWrite(DRIVER, 1, ram[0], 4));
        }, 2);

        assertThat(results).containsOnly(new Registers(FAILURE_U32_U32, ErrorCode.NOSUPPORT.number(), ram[0], 4));
    }

    @Test
    void theFirstAllowAsksTheDriverToAllocateItsGrant() {
        run(sys -> results.add(sys.allowReadWrite(DRIVER, 0, ram[0], 4)), 1);

        assertThat(results.getFirst().isSuccess()).isTrue();
        assertThat(driver.allocateGrantCalls()).isEqualTo(1);
    }

    @Test
    void allowsToADriverThatDoesNotAllocateAreNomem() {
        driver.allocation(TestDriver.Allocation.FAILS);
        run(sys -> {
            results.add(sys.allowReadOnly(DRIVER, 0, ram[0], 4));
            results.add(sys.allowReadWrite(DRIVER, 0, ram[0], 4));
        }, 2);

        assertThat(results).containsOnly(new Registers(FAILURE_U32_U32, ErrorCode.NOMEM.number(), ram[0], 4));
    }

    @Test
    void allowsToADriverThatAllocatesNothingNewAreNomem() {
        driver.allocation(TestDriver.Allocation.CLAIMS_OK_WITHOUT_ALLOCATING);
        run(sys -> results.add(sys.allowReadOnly(DRIVER, 0, ram[0], 4)), 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.NOMEM.number());
    }

    @Test
    void userspaceReadableAllowIsTheDriversToAcceptOrRefuse() {
        run(sys -> results.add(sys.allowUserspaceReadable(DRIVER, 0, ram[0], 4)), 1);

        assertThat(results.getFirst()).isEqualTo(new Registers(FAILURE_U32_U32, ErrorCode.NOSUPPORT.number(),
                ram[0], 4));
        assertThat(board.boundary("a").lastReturn())
                .isEqualTo(new SyscallReturn.UserspaceReadableAllowFailure(ErrorCode.NOSUPPORT, ram[0], 4));
    }

    @Test
    void aUserspaceReadableAllowOutsideAppMemoryIsInval() {
        run(sys -> results.add(sys.allowUserspaceReadable(DRIVER, 0, 0x100, 4)), 1);

        assertThat(results.getFirst().errorCode()).isEqualTo(ErrorCode.INVAL.number());
    }

    @Test
    void aCapsuleReadsAndWritesTheAllowedBytesInPlace() {
        driver.onCommand((n, x, y, pid) -> driver.grant().enter(pid, (data, kd) -> {
            int sum = kd.getReadonlyProcessbuffer(0).unwrap().enter(slice -> {
                int s = 0;
                for (int i = 0; i < slice.len(); i++) {
                    s += slice.get(i);
                }
                return s;
            }).unwrap();
            kd.getReadwriteProcessbuffer(0).unwrap().mutEnter(slice -> {
                slice.set(0, (byte) sum);
                return null;
            });
            return CommandReturn.successU32(sum);
        }).unwrap());
        List<Byte> written = new ArrayList<>();
        run(sys -> {
            sys.memory().write(ram[0], new byte[] {1, 2, 3, 4}, 0, 4);
            sys.allowReadOnly(DRIVER, 0, ram[0], 4);
            sys.allowReadWrite(DRIVER, 0, ram[0] + 8, 1);
            results.add(sys.command(DRIVER, 1, 0, 0));
            written.add(sys.memory().read8(ram[0] + 8));
        }, 1);

        assertThat(results.getFirst().r1()).isEqualTo(10);
        assertThat(written).containsExactly((byte) 10);
    }

    @Test
    void anAllowedBufferReadsAsEmptyOnceItsProcessRestarted() {
        run(sys -> results.add(sys.allowReadOnly(DRIVER, 0, ram[0], 4)), 1);
        ProcessStandard a = board.process("a");
        ReadOnlyProcessBuffer[] buffer = new ReadOnlyProcessBuffer[1];
        driver.grant().enter(a.processid(), (data, kd) -> buffer[0] = kd.getReadonlyProcessbuffer(0).unwrap());
        assertThat(buffer[0].len()).isEqualTo(4);

        a.tryRestart(java.util.Optional.empty());

        assertThat(buffer[0].len()).isZero();
        assertThat(buffer[0].enter(slice -> slice.len()).isErr()).isTrue();
    }
}
