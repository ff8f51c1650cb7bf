package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.Region;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessSizes;
import org.tock4j.kernel.process.ReturnArguments;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * The standard process (Tock's {@code process_standard.rs}): its memory at creation and after a restart, its
 * states, its task queue, its MPU regions and how it prints.
 */
class ProcessStandardTests {
    private final CheckingMpu mpu = new CheckingMpu();
    private final TestBoard board = new TestBoard(mpu);

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private ProcessStandard loadOne(int minimumRam) {
        board.addApp(TestApps.app("a", minimumRam, sys -> { }));
        board.load();
        return board.process("a");
    }

    @Test
    void aNewProcessGetsItsRamAsTockLaysItOut() {
        board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.createGrant(0x11, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        ProcessStandard p = loadOne(4096);
        ProcessAddresses a = p.getAddresses();

        int kernelPart = 2 * ProcessStandard.GRANT_POINTER_ENTRY_SIZE + ProcessStandard.CALLBACKS_OFFSET
                + ProcessStandard.PROCESS_STRUCT_OFFSET + 4;
        assertThat(a.sramStart()).isEqualTo(TestBoard.APPS_RAM_START);
        assertThat(a.sramEnd() - a.sramStart()).isEqualTo(4096 + kernelPart);
        assertThat(a.sramAppBrk()).isEqualTo(a.sramStart() + JvmProcessRuntime.INITIAL_APP_BRK_SIZE);
        assertThat(p.grantPointerTableAddress()).isEqualTo(a.sramEnd() - 16);
        assertThat(a.sramGrantStart()).isEqualTo(a.sramEnd() - 16 - ProcessStandard.CALLBACKS_OFFSET
                - ProcessStandard.PROCESS_STRUCT_OFFSET);
        assertThat(p.getSizes()).isEqualTo(new ProcessSizes(16,
                ProcessStandard.CALLBACKS_OFFSET, ProcessStandard.PROCESS_STRUCT_OFFSET));
        assertThat(ProcessStandard.CALLBACKS_OFFSET).isEqualTo(10 * ProcessStandard.TASK_SIZE);
    }

    @Test
    void aNewProcessIsYieldedWithItsInitFunctionQueued() {
        ProcessStandard p = loadOne(4096);
        ProcessAddresses a = p.getAddresses();
        int headerSize = p.header().headerSize();

        assertThat(p.getState()).isEqualTo(State.YIELDED);
        assertThat(p.ready()).isTrue();
        assertThat(p.pendingTasks()).isEqualTo(1);
        assertThat(p.dequeueTask()).contains(new Task.FunctionCallTask(new FunctionCall(FunctionCallSource.KERNEL,
                a.flashStart() + headerSize, a.sramStart(), a.sramEnd() - a.sramStart(), a.sramAppBrk(),
                a.flashStart() + headerSize)));
        assertThat(p.getRestartCount()).isZero();
        assertThat(p.getCompletionCode()).isEmpty();
    }

    @Test
    void aRestartGivesTheSameMemoryFreshBreaksAndTheInitFunctionAgain() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        ProcessStandard p = loadOne(4096);
        ProcessAddresses before = p.getAddresses();
        p.dequeueTask();
        p.brk(before.sramStart() + 0x400);
        driver.allocateGrant(p.processid());
        p.debugSyscallCalled(new Syscall.Memop(2, 0));
        p.debugTimesliceExpired();

        p.tryRestart(Optional.of(3));

        ProcessAddresses after = p.getAddresses();
        assertThat(after.sramStart()).isEqualTo(before.sramStart());
        assertThat(after.sramEnd()).isEqualTo(before.sramEnd());
        assertThat(after.sramAppBrk()).isEqualTo(before.sramAppBrk());
        assertThat(after.sramGrantStart()).isEqualTo(before.sramGrantStart());
        assertThat(p.grantPointerTableAddress()).isEqualTo(before.sramEnd() - 8);
        assertThat(p.grantAllocatedCount()).hasValue(0);
        assertThat(p.getState()).isEqualTo(State.YIELDED);
        assertThat(p.pendingTasks()).isEqualTo(1);
        assertThat(p.getRestartCount()).isEqualTo(1);
        assertThat(p.getCompletionCode()).contains(Optional.of(3));
        assertThat(p.debugSyscallCount()).isZero();
        assertThat(p.debugSyscallLast()).isEmpty();
        assertThat(p.debugTimesliceExpirationCount()).isZero();
        p.setupMpu();
        mpu.enableAppMpu();
        assertThat(mpu.checkAccess(before.sramStart() + 0x100, 4, Access.WRITE)).isFalse();
        assertThat(mpu.checkAccess(before.sramStart() + 4, 4, Access.WRITE)).isTrue();
        mpu.disableAppMpu();
    }

    @Test
    void stopAndResumeKeepTheStateTheProcessWasIn() {
        ProcessStandard p = loadOne(4096);
        p.setSyscallReturnValue(new SyscallReturn.Success());
        p.setYieldedForState(new UpcallId(1, 2));

        p.stop();
        p.stop();
        assertThat(p.getState()).isEqualTo(new State.Stopped(new State.YieldedFor(new UpcallId(1, 2))));
        assertThat(p.isRunning()).isTrue();

        p.resume();
        assertThat(p.getState()).isEqualTo(new State.YieldedFor(new UpcallId(1, 2)));
    }

    @Test
    void yieldingIsOnlyPossibleFromRunning() {
        ProcessStandard p = loadOne(4096);

        p.setYieldedForState(new UpcallId(1, 2));
        assertThat(p.getState()).isEqualTo(State.YIELDED);

        p.terminate(Optional.empty());
        p.setYieldedState();
        p.stop();
        p.resume();
        assertThat(p.getState()).isEqualTo(State.TERMINATED);
    }

    @Test
    void aTaskForAnInactiveProcessIsNodeviceAndNotCountedAsDropped() {
        ProcessStandard p = loadOne(4096);
        p.terminate(Optional.of(0));

        var r = p.enqueueTask(new Task.ReturnValue(new ReturnArguments(new UpcallId(1, 0), 0, 0, 0)));

        assertThat(r.unwrapErr()).isEqualTo(ErrorCode.NODEVICE);
        assertThat(p.debugDroppedUpcallCount()).isZero();
    }

    @Test
    void removeUpcallFindsFunctionCallsAndReturnValuesOfThatIdButNeverKernelCalls() {
        ProcessStandard p = loadOne(4096);
        UpcallId id = new UpcallId(5, 1);
        Task driverCall = new Task.FunctionCallTask(new FunctionCall(new FunctionCallSource.Driver(id), 1, 2, 3, 4,
                0x4_0101));
        Task value = new Task.ReturnValue(new ReturnArguments(id, 9, 9, 9));
        p.enqueueTask(driverCall);
        p.enqueueTask(value);

        assertThat(p.removeUpcall(new UpcallId(5, 2))).isEmpty();
        assertThat(p.removeUpcall(id)).contains(driverCall);
        assertThat(p.removeUpcall(id)).contains(value);
        assertThat(p.removeUpcall(id)).isEmpty();
        assertThat(p.pendingTasks()).isEqualTo(1);
    }

    @Test
    void removePendingUpcallsRemovesOnlyFunctionCallsOfThatIdAndSaysHowMany() {
        ProcessStandard p = loadOne(4096);
        UpcallId id = new UpcallId(5, 1);
        for (int i = 0; i < 3; i++) {
            p.enqueueTask(new Task.FunctionCallTask(new FunctionCall(new FunctionCallSource.Driver(id), i, 0, 0, 0,
                    0x4_0101)));
        }
        p.enqueueTask(new Task.ReturnValue(new ReturnArguments(id, 0, 0, 0)));
        p.enqueueTask(new Task.FunctionCallTask(new FunctionCall(new FunctionCallSource.Driver(new UpcallId(5, 2)),
                0, 0, 0, 0, 0x4_0101)));

        int removed = p.removePendingUpcalls(id);

        assertThat(removed).isEqualTo(3);
        // The init function, the return value and the other upcall stay.
        assertThat(p.pendingTasks()).isEqualTo(3);
    }

    @Test
    void brkMovesTheMpusAppRegionAndCannotReachTheGrantRegion() {
        ProcessStandard p = loadOne(4096);
        int start = p.getAddresses().sramStart();
        mpu.enableAppMpu();
        p.setupMpu();
        assertThat(mpu.checkAccess(start + 0x100, 4, Access.WRITE)).isFalse();

        assertThat(p.brk(start + 0x200).unwrap()).isEqualTo(start + JvmProcessRuntime.INITIAL_APP_BRK_SIZE);
        assertThat(mpu.checkAccess(start + 0x100, 4, Access.WRITE)).isTrue();
        assertThat(p.sbrk(0x10).unwrap()).isEqualTo(start + 0x200);
        assertThat(p.brk(p.getAddresses().sramGrantStart() + 1).unwrapErr())
                .isEqualTo(ProcessError.OutOfMemory);
        mpu.disableAppMpu();
    }

    @Test
    void setByteWritesOnlyAppMemory() {
        ProcessStandard p = loadOne(4096);
        int start = p.getAddresses().sramStart();

        assertThat(p.setByte(start + 4, (byte) 7)).isTrue();
        assertThat(p.setByte(p.getAddresses().sramAppBrk(), (byte) 7)).isFalse();
        assertThat(p.setByte(p.getAddresses().sramGrantStart(), (byte) 7)).isFalse();
        assertThat(board.memory().read8(start + 4)).isEqualTo((byte) 7);
    }

    @Test
    void aProcessMayAddSixMpuRegionsAndRemoveOnlyOnesItAdded() {
        ProcessStandard p = loadOne(4096);
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            p.addMpuRegion(0x2003_0000 + i * 0x100, 0x100, 0x40).ifPresent(regions::add);
        }

        assertThat(regions).hasSize(6);
        assertThat(p.removeMpuRegion(new Region(0x1234, 4)).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(p.removeMpuRegion(regions.getFirst()).isOk()).isTrue();
        assertThat(p.addMpuRegion(0x2003_1000, 0x100, 0x40)).isPresent();
    }

    @Test
    void theFullPrintoutListsGrantsAndTheStateAsTockDoes() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        ProcessStandard p = loadOne(4096);
        driver.allocateGrant(p.processid());
        int grantPtr = board.memory().read32(p.grantPointerTableAddress() + 4);
        p.setSyscallReturnValue(new SyscallReturn.Success());
        p.setYieldedForState(new UpcallId(0x99, 1));

        String printed = p.printFullProcess();

        assertThat(printed).contains("a   -   [YieldedFor(UpcallId(0x99, 1))]")
                .contains("Total number of grant regions defined: 1")
                .contains(String.format("Grant  0 0x99: 0x%x", grantPtr))
                .contains("CheckingMpu[");
    }
}
