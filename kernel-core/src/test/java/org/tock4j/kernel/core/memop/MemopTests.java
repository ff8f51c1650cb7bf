package org.tock4j.kernel.core.memop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.userland.Registers;

/** Memop 0–11 through a real process, and NOSUPPORT beyond (Tock's {@code kernel/src/memop.rs}). */
class MemopTests {
    private static final int SUCCESS = 128;
    private static final int SUCCESS_U32 = 129;

    private final TestBoard board = new TestBoard();
    private final List<Registers> results = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private ProcessStandard run(TestApps.Main main, int expectedResults) {
        board.addApp(TestApps.app("a", sys -> {
            main.run(sys);
            TestApps.park(sys);
        }), b -> b.writeableFlashRegion(0x400, 0x100).writeableFlashRegion(0x600, 0x40));
        board.load();
        board.runUntil(() -> results.size() >= expectedResults, 50);
        return board.process("a");
    }

    private static Registers nomem() {
        return new Registers(0, ErrorCode.NOMEM.number(), 0, 0);
    }

    @Test
    void brkMovesTheAppBreak() {
        int[] start = new int[1];
        ProcessStandard a = run(sys -> {
            start[0] = sys.memop(2, 0).r1();
            results.add(sys.memop(0, start[0] + 0x800));
        }, 1);

        assertThat(results.getFirst().r0()).isEqualTo(SUCCESS);
        assertThat(a.getAddresses().sramAppBrk()).isEqualTo(start[0] + 0x800);
    }

    @Test
    void sbrkReturnsThePreviousBreak() {
        int[] start = new int[1];
        ProcessStandard a = run(sys -> {
            start[0] = sys.memop(2, 0).r1();
            results.add(sys.memop(1, 0x100));
            results.add(sys.memop(1, -0x10));
        }, 2);

        int initial = start[0] + JvmProcessRuntime.INITIAL_APP_BRK_SIZE;
        assertThat(results.get(0)).extracting(Registers::r0, Registers::r1).containsExactly(SUCCESS_U32, initial);
        assertThat(results.get(1).r1()).isEqualTo(initial + 0x100);
        assertThat(a.getAddresses().sramAppBrk()).isEqualTo(initial + 0xF0);
    }

    @Test
    void brkBelowTheAllowHighWaterMarkIsNomem() {
        TestDriver driver = new TestDriver(board, 0x99, 0, 0, 1);
        int[] start = new int[1];
        run(sys -> {
            start[0] = TestApps.growAppMemory(sys, 0x400);
            sys.allowReadWrite(driver.driverNum(), 0, start[0] + 0x100, 0x10);
            sys.allowReadWrite(driver.driverNum(), 0, 0, 0);   // unallowing does not lower the mark
            results.add(sys.memop(0, start[0] + 0x10F));
            results.add(sys.memop(0, start[0] + 0x110));
        }, 2);

        assertThat(results.get(0)).isEqualTo(nomem());
        assertThat(results.get(1).r0()).isEqualTo(SUCCESS);
        assertThat(board.process("a").brk(start[0] + 0x10F).unwrapErr())
                .isEqualTo(ProcessError.AddressOutOfBounds);
    }

    @Test
    void brkIntoTheGrantRegionIsNomem() {
        int[] grantStart = new int[1];
        run(sys -> {
            grantStart[0] = sys.memop(6, 0).r1();
            results.add(sys.memop(0, grantStart[0] + 4));
            results.add(sys.memop(0, grantStart[0]));
        }, 2);

        assertThat(results.get(0)).isEqualTo(nomem());
        assertThat(results.get(1).r0()).isEqualTo(SUCCESS);
    }

    @Test
    void brkBelowTheStartOrPastTheEndOfProcessMemoryIsNomem() {
        run(sys -> {
            int start = sys.memop(2, 0).r1();
            int end = sys.memop(3, 0).r1();
            results.add(sys.memop(0, start - 4));
            results.add(sys.memop(0, end));
            results.add(sys.memop(1, 0x7FFF_0000));
        }, 3);

        assertThat(results).containsOnly(nomem());
    }

    @Test
    void memopsTwoToSixGiveTheProcessesMemoryLayout() {
        ProcessStandard a = run(sys -> {
            for (int op = 2; op <= 6; op++) {
                results.add(sys.memop(op, 0));
            }
        }, 5);
        ProcessAddresses addresses = a.getAddresses();

        assertThat(results).extracting(Registers::r0).containsOnly(SUCCESS_U32);
        assertThat(results).extracting(Registers::r1).containsExactly(addresses.sramStart(), addresses.sramEnd(),
                addresses.flashStart(), addresses.flashEnd(), addresses.sramGrantStart());
        assertThat(addresses.flashStart()).isEqualTo(TestBoard.APPS_FLASH_START);
        assertThat(board.boundary("a").returns()).contains(new SyscallReturn.SuccessAddr(addresses.sramGrantStart()));
    }

    @Test
    void memopsSevenToNineDescribeTheWriteableFlashRegions() {
        ProcessStandard a = run(sys -> {
            results.add(sys.memop(7, 0));
            results.add(sys.memop(8, 0));
            results.add(sys.memop(9, 0));
            results.add(sys.memop(8, 1));
            results.add(sys.memop(9, 1));
            results.add(sys.memop(8, 2));
            results.add(sys.memop(9, -1));
        }, 7);
        int flash = a.getAddresses().flashStart();

        assertThat(results.subList(0, 5)).extracting(Registers::r1)
                .containsExactly(2, flash + 0x400, flash + 0x500, flash + 0x600, flash + 0x640);
        assertThat(results.subList(5, 7)).containsOnly(new Registers(0, ErrorCode.FAIL.number(), 0, 0));
    }

    @Test
    void memopsTenAndElevenRecordTheStackAndHeapStartForDebugging() {
        int[] start = new int[1];
        ProcessStandard a = run(sys -> {
            start[0] = sys.memop(2, 0).r1();
            results.add(sys.memop(10, start[0] + 0x200));
            results.add(sys.memop(11, start[0] + 0x300));
            results.add(sys.memop(11, 0x100));   // outside its memory: ignored
        }, 3);

        assertThat(results).extracting(Registers::r0).containsOnly(SUCCESS);
        assertThat(a.getAddresses().sramStackTop()).hasValue(start[0] + 0x200);
        assertThat(a.getAddresses().sramStackBottom()).hasValue(start[0] + 0x200);
        assertThat(a.getAddresses().sramHeapStart()).hasValue(start[0] + 0x300);
    }

    @Test
    void memopNumbersPastElevenAreNosupport() {
        run(sys -> {
            results.add(sys.memop(12, 0));
            results.add(sys.memop(255, 0));
            results.add(sys.memop(-1, 0));
        }, 3);

        assertThat(results).containsOnly(new Registers(0, ErrorCode.NOSUPPORT.number(), 0, 0));
    }
}
