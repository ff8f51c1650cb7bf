package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.userland.fake.ScriptedSyscalls.MEMORY_START;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class MemopTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls(128);

    @Test
    void sbrkReturnsThePreviousBreakAndBrkSetsIt() {
        assertThat(Memop.sbrk(sys, 64)).isEqualTo(MEMORY_START + 128);
        assertThat(Memop.currentBreak(sys)).isEqualTo(MEMORY_START + 192);
        Memop.brk(sys, MEMORY_START + 32);

        assertThat(sys.appBreak()).isEqualTo(MEMORY_START + 32);
        assertThat(sys.calls()).containsExactly(
                Syscall.memop(1, 64), Syscall.memop(1, 0), Syscall.memop(0, MEMORY_START + 32));
    }

    @Test
    void layoutQueriesUseOperandsTwoToSeven() {
        assertThat(Memop.memoryStart(sys)).isEqualTo(ScriptedSyscalls.MEMORY_START);
        assertThat(Memop.memoryEnd(sys)).isEqualTo(ScriptedSyscalls.MEMORY_END);
        assertThat(Memop.flashStart(sys)).isEqualTo(ScriptedSyscalls.FLASH_START);
        assertThat(Memop.flashEnd(sys)).isEqualTo(ScriptedSyscalls.FLASH_END);
        assertThat(Memop.grantRegionBegin(sys)).isEqualTo(ScriptedSyscalls.GRANT_REGION_BEGIN);
        assertThat(Memop.writeableFlashRegionCount(sys)).isZero();
        assertThat(sys.calls()).extracting(Syscall::r0).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @Test
    void hintsUseOperandsTenAndEleven() {
        Memop.setStackTopHint(sys, MEMORY_START + 16);
        Memop.setHeapStartHint(sys, MEMORY_START + 32);

        assertThat(sys.stackTopHint()).isEqualTo(MEMORY_START + 16);
        assertThat(sys.heapStartHint()).isEqualTo(MEMORY_START + 32);
    }

    @Test
    void aBreakTheKernelRefusesIsNomemAndAMissingFlashRegionIsFail() {
        assertThatThrownBy(() -> Memop.sbrk(sys, 0x10_0000))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NOMEM));
        assertThatThrownBy(() -> Memop.writeableFlashRegionStart(sys, 0))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.FAIL));
    }
}
