package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.userland.fake.ScriptedSyscalls.GRANT_REGION_BEGIN;
import static org.tock4j.userland.fake.ScriptedSyscalls.MEMORY_START;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class HeapTests {

    @Test
    void theFirstAllocationTakesAppMemoryFromTheRamStartAndTellsTheKernelWhereTheHeapBegins() {
        ScriptedSyscalls sys = new ScriptedSyscalls(256);
        Heap heap = new Heap(sys);

        assertThat(heap.allocate(10)).isEqualTo(MEMORY_START);

        assertThat(sys.calls()).containsExactly(
                Syscall.memop(2, 0), Syscall.memop(1, 0), Syscall.memop(11, MEMORY_START));
        assertThat(sys.heapStartHint()).isEqualTo(MEMORY_START);
        assertThat(heap.start()).isEqualTo(MEMORY_START);
        assertThat(heap.end()).isEqualTo(MEMORY_START + 256);
    }

    @Test
    void blocksAreRoundedToEightBytesAndAlignedAsAsked() {
        Heap heap = new Heap(new ScriptedSyscalls(512));

        int a = heap.allocate(3);
        int b = heap.allocate(5);
        int c = heap.allocate(16, 64);
        int d = heap.allocate(1, 1);

        assertThat(a).isEqualTo(MEMORY_START);
        assertThat(b).isEqualTo(MEMORY_START + 8);
        assertThat(c % 64).isZero();
        assertThat(c).isEqualTo(MEMORY_START + 64);
        assertThat(d).isEqualTo(MEMORY_START + 16);   // first fit: the gap below the 64-aligned block
        assertThat(heap.blockSize(a)).isEqualTo(8);
        assertThat(heap.blockSize(c)).isEqualTo(16);
    }

    @Test
    void whenNothingFitsTheHeapGrowsTheBreakWithSbrkByWhatItLacks() {
        ScriptedSyscalls sys = new ScriptedSyscalls(64);
        Heap heap = new Heap(sys);
        heap.allocate(48);

        int block = heap.allocate(40);

        assertThat(block).isEqualTo(MEMORY_START + 48);                  // continues the free tail
        assertThat(sys.calls()).endsWith(Syscall.memop(1, 24));          // 40 - 16 free bytes at the top
        assertThat(sys.appBreak()).isEqualTo(MEMORY_START + 88);
        assertThat(heap.end()).isEqualTo(MEMORY_START + 88);
        sys.memory().write32(block + 36, 0x1234_5678);                    // the new memory is the app's
    }

    @Test
    void growingForAnAlignedBlockAsksForThePaddingToo() {
        ScriptedSyscalls sys = new ScriptedSyscalls(8);
        Heap heap = new Heap(sys);
        heap.allocate(8);

        int block = heap.allocate(32, 32);

        assertThat(block).isEqualTo(MEMORY_START + 32);
        assertThat(sys.calls()).endsWith(Syscall.memop(1, 56));
        assertThat(heap.allocate(8)).isEqualTo(MEMORY_START + 8);         // the padding stays usable
    }

    @Test
    void freedBlocksMergeAndAreReusedFirstFit() {
        ScriptedSyscalls sys = new ScriptedSyscalls(64);
        Heap heap = new Heap(sys);
        int a = heap.allocate(16);
        int b = heap.allocate(16);
        heap.allocate(16);

        heap.free(a);
        heap.free(b);
        int reused = heap.allocate(32);

        assertThat(reused).isEqualTo(a);
        assertThat(sys.calls(Syscall.Kind.MEMOP)).hasSize(3);             // no growth
        assertThat(heap.allocatedBytes()).isEqualTo(48);
    }

    @Test
    void memoryAnotherCallerTookWithSbrkIsSkipped() {
        ScriptedSyscalls sys = new ScriptedSyscalls(16);
        Heap heap = new Heap(sys);
        heap.allocate(16);
        int foreign = Memop.sbrk(sys, 32);

        int block = heap.allocate(16);

        assertThat(foreign).isEqualTo(MEMORY_START + 16);
        assertThat(block).isEqualTo(MEMORY_START + 48);
    }

    @Test
    void whenTheKernelWillNotMoveTheBreakAllocationFailsWithNomem() {
        ScriptedSyscalls sys = new ScriptedSyscalls(64);
        Heap heap = new Heap(sys);

        assertThatThrownBy(() -> heap.allocate(GRANT_REGION_BEGIN - MEMORY_START + 8))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NOMEM))
                .hasMessageContaining("Heap.allocate");
        assertThat(heap.allocate(64)).isEqualTo(MEMORY_START);
    }

    @Test
    void misuseIsAnIllegalArgument() {
        Heap heap = new Heap(new ScriptedSyscalls());

        assertThatThrownBy(() -> heap.allocate(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> heap.allocate(8, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> heap.free(MEMORY_START)).isInstanceOf(IllegalArgumentException.class);
        int block = heap.allocate(8);
        heap.free(block);
        assertThatThrownBy(() -> heap.free(block)).isInstanceOf(IllegalArgumentException.class);
    }
}
