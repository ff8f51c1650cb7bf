package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessError;

/**
 * Every memory bound of the standard process, at the byte on each side: app memory (what allows and the yield
 * flag may touch), app flash (read-only allows, upcall pointers), the break (brk/sbrk), the grant region
 * (allocations) and the grant pointer table's index checks. The mutation run requires every mutant of these
 * checks killed.
 */
class ProcessStandardBoundsTests {
    private final TestBoard board = new TestBoard(new CheckingMpu());
    private ProcessStandard p;
    private ProcessAddresses a;

    @BeforeEach
    void load() {
        board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 1, 1, 1);
        board.createGrant(0x11, GrantType.of(Object::new, 8, 8), 0, 0, 0);
        board.addApp(TestApps.app("a", 1024, sys -> { }));
        board.load();
        p = board.process("a");
        assertThat(p.brk(p.getAddresses().sramStart() + 256).isOk()).isTrue();
        a = p.getAddresses();
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void appMemoryRunsFromTheMemoryStartUpToButExcludingTheBreak() {
        int start = a.sramStart();
        int brk = a.sramAppBrk();
        assertThat(p.inAppOwnedMemory(start, 1)).isTrue();
        assertThat(p.inAppOwnedMemory(start - 1, 1)).isFalse();
        assertThat(p.inAppOwnedMemory(start - 1, 2)).isFalse();
        assertThat(p.inAppOwnedMemory(brk - 1, 1)).isTrue();
        assertThat(p.inAppOwnedMemory(brk, 1)).isFalse();
        assertThat(p.inAppOwnedMemory(brk - 4, 4)).isTrue();
        assertThat(p.inAppOwnedMemory(brk - 4, 5)).isFalse();
        assertThat(p.inAppOwnedMemory(start, brk - start)).isTrue();
        assertThat(p.inAppOwnedMemory(start, brk - start + 1)).isFalse();
        assertThat(p.inAppOwnedMemory(brk, 0)).isTrue();
        assertThat(p.inAppOwnedMemory(brk + 1, 0)).isFalse();
        assertThat(p.inAppOwnedMemory(start - 1, 0)).isFalse();
    }

    @Test
    void aRangeThatWrapsPastTheTopOfTheAddressSpaceIsNeverAppMemory() {
        assertThat(p.inAppOwnedMemory(a.sramStart(), -a.sramStart())).isFalse();        // ends exactly at 2^32
        assertThat(p.inAppOwnedMemory(a.sramStart(), 0xFFFF_FFFF)).isFalse();
        assertThat(p.inAppOwnedMemory(0xFFFF_FFFF, 2)).isFalse();
        assertThat(p.inAppFlashMemory(a.flashNonProtectedStart(), -a.flashNonProtectedStart())).isFalse();
        assertThat(p.inAppFlashMemory(0xFFFF_FFF0, 0x20)).isFalse();
    }

    @Test
    void appFlashRunsFromAfterTheProtectedHeaderToTheFlashEnd() {
        int code = a.flashNonProtectedStart();
        int end = a.flashEnd();
        assertThat(code).isGreaterThan(a.flashStart());
        assertThat(p.inAppFlashMemory(code, 1)).isTrue();
        assertThat(p.inAppFlashMemory(code - 1, 1)).isFalse();
        assertThat(p.inAppFlashMemory(end - 1, 1)).isTrue();
        assertThat(p.inAppFlashMemory(end, 1)).isFalse();
        assertThat(p.inAppFlashMemory(end - 4, 4)).isTrue();
        assertThat(p.inAppFlashMemory(end - 4, 5)).isFalse();
        assertThat(p.inAppFlashMemory(code, end - code)).isTrue();
        assertThat(p.inAppFlashMemory(code, end - code + 1)).isFalse();
        assertThat(p.inAppFlashMemory(end, 0)).isTrue();
        assertThat(p.inAppFlashMemory(end + 1, 0)).isFalse();
    }

    @Test
    void anUpcallPointerNeedsAWholeWordInFlashOrAppMemory() {
        assertThat(p.isValidUpcallFunctionPointer(a.flashEnd() - 4)).isTrue();
        assertThat(p.isValidUpcallFunctionPointer(a.flashEnd() - 3)).isFalse();
        assertThat(p.isValidUpcallFunctionPointer(a.flashNonProtectedStart())).isTrue();
        assertThat(p.isValidUpcallFunctionPointer(a.flashNonProtectedStart() - 1)).isFalse();
        assertThat(p.isValidUpcallFunctionPointer(a.sramAppBrk() - 4)).isTrue();
        assertThat(p.isValidUpcallFunctionPointer(a.sramAppBrk() - 3)).isFalse();
        assertThat(p.isValidUpcallFunctionPointer(a.sramGrantStart())).isFalse();
    }

    @Test
    void buffersAreCheckedAtEveryEdge() {
        int brk = a.sramAppBrk();
        assertThat(p.buildReadwriteProcessBuffer(brk - 8, 8).isOk()).isTrue();
        assertThat(p.buildReadwriteProcessBuffer(brk - 8, 9).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadwriteProcessBuffer(a.sramStart() - 1, 2).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadwriteProcessBuffer(0xFFFF_FFFF, 0).unwrap().rawPtr()).isEqualTo(0xFFFF_FFFF);
        assertThat(p.buildReadwriteProcessBuffer(a.flashNonProtectedStart(), 4).unwrapErr())
                .isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadonlyProcessBuffer(a.flashNonProtectedStart(), 4).isOk()).isTrue();
        assertThat(p.buildReadonlyProcessBuffer(a.flashEnd() - 4, 5).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadonlyProcessBuffer(a.flashNonProtectedStart() - 1, 1).unwrapErr())
                .isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadonlyProcessBuffer(brk - 1, 1).isOk()).isTrue();
        assertThat(p.buildReadonlyProcessBuffer(brk, 1).unwrapErr()).isEqualTo(ErrorCode.INVAL);
        assertThat(p.buildReadonlyProcessBuffer(0, 0).isOk()).isTrue();
    }

    @Test
    void anAllowedBufferRaisesTheFloorOfTheBreakToItsEndExactly() {
        int start = a.sramStart();
        assertThat(p.buildReadwriteProcessBuffer(start + 100, 28).isOk()).isTrue();   // ends at start + 128
        assertThat(p.brk(start + 127).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.brk(start + 128).isOk()).isTrue();
        assertThat(p.brk(start + 256).isOk()).isTrue();
        assertThat(p.buildReadonlyProcessBuffer(start + 200, 56).isOk()).isTrue();   // read-only in RAM too
        assertThat(p.brk(start + 255).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        // A read-only buffer in flash does not move the floor; nor does a failed or empty one.
        assertThat(p.buildReadonlyProcessBuffer(a.flashNonProtectedStart(), 64).isOk()).isTrue();
        assertThat(p.buildReadwriteProcessBuffer(start + 300, 0).isOk()).isTrue();
        assertThat(p.buildReadwriteProcessBuffer(start + 250, 100).isErr()).isTrue();
        assertThat(p.brk(start + 256).isOk()).isTrue();
    }

    @Test
    void theBreakMayRiseExactlyToTheKernelBreakAndNoFurther() {
        int kernelBreak = a.sramGrantStart();
        assertThat(p.brk(kernelBreak + 1).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.brk(kernelBreak).unwrap()).isEqualTo(a.sramAppBrk());
        assertThat(p.getAddresses().sramAppBrk()).isEqualTo(kernelBreak);
        assertThat(p.brk(a.sramEnd()).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.brk(a.sramEnd() - 1).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.brk(a.sramStart()).isOk()).isTrue();                            // as low as the start
        assertThat(p.brk(a.sramStart() - 1).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
    }

    @Test
    void sbrkMovesByTheIncrementAndReturnsTheOldBreak() {
        int brk = a.sramAppBrk();
        assertThat(p.sbrk(16).unwrap()).isEqualTo(brk);
        assertThat(p.sbrk(-16).unwrap()).isEqualTo(brk + 16);
        assertThat(p.sbrk(0).unwrap()).isEqualTo(brk);
        assertThat(p.sbrk(a.sramGrantStart() - brk + 1).isErr()).isTrue();
        assertThat(p.getAddresses().sramAppBrk()).isEqualTo(brk);
    }

    @Test
    void memoryTheBreakExposesIsZeroedUpToTheNewBreakOnly() {
        int brk = a.sramAppBrk();
        board.memory().fill(brk, 64, (byte) 0x5A);
        assertThat(p.brk(brk + 32).isOk()).isTrue();
        assertThat(board.memory().bytes(brk, 32)).containsOnly(0);
        assertThat(board.memory().bytes(brk + 32, 32)).containsOnly(0x5A);
        // Shrinking touches nothing.
        board.memory().fill(brk, 8, (byte) 7);
        assertThat(p.brk(brk).isOk()).isTrue();
        assertThat(board.memory().bytes(brk, 8)).containsOnly(7);
    }

    @Test
    void grantsAreCarvedBelowTheKernelBreakAndNeverOverTheAppBreak() {
        int kernelBreak = a.sramGrantStart();
        assertThat(p.allocateGrant(0, 0x10, 20, 4).isOk()).isTrue();
        int after = p.getAddresses().sramGrantStart();
        assertThat(after).isEqualTo(kernelBreak - 20);
        assertThat(p.enterGrant(0).unwrap()).isEqualTo(after);
        p.leaveGrant(0);
        // The app break right under the kernel break: the next allocation no longer fits.
        assertThat(p.brk(after - 8).isOk()).isTrue();
        assertThat(p.allocateGrant(1, 0x11, 9, 8).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.allocateGrant(1, 0x11, 8, 8).isOk()).isTrue();                     // exactly fits
        assertThat(p.getAddresses().sramGrantStart()).isEqualTo(after - 8);
        assertThat(p.allocateCustomGrant(1, 1).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
    }

    @Test
    void customGrantsAreAlignedDownToAtLeastTwoBytes() {
        int kernelBreak = a.sramGrantStart();
        var first = p.allocateCustomGrant(3, 1).unwrap();
        assertThat(first.address()).isEqualTo((kernelBreak - 3) & ~1);
        var second = p.allocateCustomGrant(4, 16).unwrap();
        assertThat(second.address() % 16).isZero();
        assertThat(second.address()).isLessThanOrEqualTo(first.address() - 4);
        assertThat(p.enterCustomGrant(second.identifier()).unwrap()).isEqualTo(second.address());
    }

    @Test
    void grantNumbersOutsideTheTableAreRefusedAtBothEnds() {
        int count = 2;
        assertThat(p.grantIsAllocated(-1)).isEmpty();
        assertThat(p.grantIsAllocated(count)).isEmpty();
        assertThat(p.grantIsAllocated(count - 1)).contains(false);
        assertThat(p.grantIsAllocated(0)).contains(false);
        assertThat(p.allocateGrant(-1, 0x10, 4, 4).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.allocateGrant(count, 0x10, 4, 4).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.enterGrant(-1).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.enterGrant(count).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
        assertThat(p.grantData(-1)).isEmpty();
        assertThat(p.grantData(count)).isEmpty();
        p.leaveGrant(count);                                                            // ignored
        p.leaveGrant(-1);
        assertThat(p.allocateGrant(count - 1, 0x11, 8, 8).isOk()).isTrue();
        assertThat(p.grantIsAllocated(count - 1)).contains(true);
        assertThat(p.allocateGrant(count - 1, 0x11, 8, 8).unwrapErr()).isEqualTo(ProcessError.AlreadyInUse);
        assertThat(p.allocateGrant(0, 0x11, 8, 8).unwrapErr()).isEqualTo(ProcessError.AlreadyInUse);
        assertThat(p.lookupGrantFromDriverNum(0x11).unwrap()).isEqualTo(count - 1);
        assertThat(p.lookupGrantFromDriverNum(0x10).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.grantAllocatedCount()).hasValue(1);
    }

    @Test
    void enteringAnEnteredGrantIsRefusedUntilItIsLeft() {
        assertThat(p.allocateGrant(0, 0x10, 20, 4).isOk()).isTrue();
        int ptr = p.enterGrant(0).unwrap();
        assertThat(p.enterGrant(0).unwrapErr()).isEqualTo(ProcessError.AlreadyInUse);
        p.leaveGrant(0);
        assertThat(p.enterGrant(0).unwrap()).isEqualTo(ptr);
        p.leaveGrant(0);
        assertThat(board.memory().read32(p.grantPointerTableAddress() + 4)).isEqualTo(ptr);
    }

    @Test
    void theYieldFlagIsWrittenOnlyInsideAppMemory() {
        assertThat(p.setByte(a.sramAppBrk() - 1, (byte) 1)).isTrue();
        assertThat(board.memory().read8(a.sramAppBrk() - 1)).isEqualTo((byte) 1);
        assertThat(p.setByte(a.sramAppBrk(), (byte) 1)).isFalse();
        assertThat(board.memory().read8(a.sramAppBrk())).isZero();
        assertThat(p.setByte(a.sramStart() - 1, (byte) 1)).isFalse();
        assertThat(p.setByte(a.flashNonProtectedStart(), (byte) 1)).isFalse();
    }

    @Test
    void aTerminatedProcessRefusesEveryMemoryOperation() {
        p.terminate(Optional.empty());
        assertThat(p.brk(a.sramAppBrk()).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
        assertThat(p.sbrk(0).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
        assertThat(p.buildReadwriteProcessBuffer(a.sramStart(), 4).unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(p.buildReadonlyProcessBuffer(a.sramStart(), 4).unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(p.allocateGrant(0, 0x10, 4, 4).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
        assertThat(p.allocateCustomGrant(4, 4).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
        assertThat(p.enterGrant(0).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
        assertThat(p.grantIsAllocated(0)).isEmpty();
        assertThat(p.grantAllocatedCount()).isEmpty();
    }

    @Test
    void aNewBreakTakesEffectInTheMpuAtOnce() {
        Mpu mpu = board.chip().mpu();
        int brk = a.sramAppBrk();
        p.setupMpu();
        mpu.enableAppMpu();
        try {
            assertThat(mpu.checkAccess(brk - 1, 1, Access.WRITE)).isTrue();
            assertThat(mpu.checkAccess(brk, 1, Access.WRITE)).isFalse();

            assertThat(p.brk(brk + 16).isOk()).isTrue();

            // No new setupMpu: the process may go on running after its memop.
            assertThat(mpu.checkAccess(brk + 15, 1, Access.WRITE)).isTrue();
            assertThat(mpu.checkAccess(brk + 16, 1, Access.WRITE)).isFalse();
        } finally {
            mpu.disableAppMpu();
        }
    }

    @Test
    void grantTableScansNeverReadOrWritePastTheTablesEnd() {
        // Just past the table (the next process's RAM, say) lie bytes that look like an entered grant of 0x11.
        int pastTable = p.grantPointerTableAddress() + 2 * 8;
        board.memory().write32(pastTable, 0x11);
        board.memory().write32(pastTable + 4, 0x2000_1235);

        assertThat(p.lookupGrantFromDriverNum(0x11).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.grantAllocatedCount()).hasValue(0);
        assertThat(p.allocateGrant(1, 0x11, 8, 8).isOk()).isTrue();
        p.leaveGrant(2);
        assertThat(board.memory().read32(pastTable)).isEqualTo(0x11);
        assertThat(board.memory().read32(pastTable + 4)).isEqualTo(0x2000_1235);
    }

    @Test
    void aGrantLargerThanTheWholeAddressBelowTheKernelBreakDoesNotFit() {
        int kernelBreak = a.sramGrantStart();
        assertThat(p.allocateCustomGrant(kernelBreak + 8, 4).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.allocateCustomGrant(-1, 4).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.getAddresses().sramGrantStart()).isEqualTo(kernelBreak);
        // An empty allocation takes nothing but the alignment.
        assertThat(p.allocateCustomGrant(0, 4).unwrap().address()).isEqualTo(kernelBreak & ~3);
    }

    @Test
    void stackAndHeapPointersAreRecordedOnlyInsideTheProcesssRam() {
        int end = a.sramEnd();
        p.updateStackStartPointer(end);
        p.updateHeapStartPointer(end);
        p.updateStackStartPointer(a.sramStart() - 1);
        p.updateHeapStartPointer(a.sramStart() - 1);
        assertThat(p.getAddresses().sramStackTop()).isEmpty();
        assertThat(p.getAddresses().sramHeapStart()).isEmpty();

        p.updateStackStartPointer(end - 1);
        p.updateHeapStartPointer(a.sramStart());
        assertThat(p.getAddresses().sramStackTop()).hasValue(end - 1);
        assertThat(p.getAddresses().sramStackBottom()).hasValue(end - 1);
        assertThat(p.getAddresses().sramHeapStart()).hasValue(a.sramStart());
    }
}
