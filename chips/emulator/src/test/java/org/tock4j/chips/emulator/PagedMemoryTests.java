package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagedMemoryTests {

    @Test
    void untouchedRamReadsZeroAndUntouchedFlashReadsErased() {
        PagedMemory ram = new PagedMemory(256 * 1024, (byte) 0x00);
        PagedMemory flash = new PagedMemory(1024 * 1024, (byte) 0xFF);

        assertThat(ram.read8(0x1234)).isEqualTo((byte) 0x00);
        assertThat(flash.read8(0xF_FFFF)).isEqualTo((byte) 0xFF);
        byte[] block = new byte[8192];
        flash.read(100, block, 0, block.length);
        assertThat(block).containsOnly((byte) 0xFF);
    }

    @Test
    void readingDoesNotAllocatePages() {
        PagedMemory flash = new PagedMemory(1024 * 1024, (byte) 0xFF);
        flash.read(0, new byte[65536], 0, 65536);
        assertThat(flash.allocatedPages()).isZero();
    }

    @Test
    void theFirstWriteIntoAPageAllocatesOnlyThatPage() {
        PagedMemory flash = new PagedMemory(1024 * 1024, (byte) 0xFF);
        flash.write8(0x2001, (byte) 0x42);

        assertThat(flash.allocatedPages()).isEqualTo(1);
        assertThat(flash.read8(0x2001)).isEqualTo((byte) 0x42);
        assertThat(flash.read8(0x2000)).isEqualTo((byte) 0xFF);
        assertThat(flash.read8(0x2FFF)).isEqualTo((byte) 0xFF);
    }

    @Test
    void writesAcrossPageBoundariesLandInBothPages() {
        PagedMemory ram = new PagedMemory(16 * 1024, (byte) 0);
        byte[] data = {1, 2, 3, 4, 5, 6};
        ram.write(4093, data, 0, data.length);

        byte[] back = new byte[6];
        ram.read(4093, back, 0, 6);
        assertThat(back).containsExactly(data);
        assertThat(ram.allocatedPages()).isEqualTo(2);
    }

    @Test
    void fillingWithTheErasedValueAllocatesNothing() {
        PagedMemory ram = new PagedMemory(64 * 1024, (byte) 0);
        ram.fill(0, 64 * 1024, (byte) 0);
        assertThat(ram.allocatedPages()).isZero();
        ram.fill(10, 5, (byte) 7);
        assertThat(ram.read8(14)).isEqualTo((byte) 7);
        assertThat(ram.read8(15)).isEqualTo((byte) 0);
    }

    @Test
    void eraseReturnsEveryByteToTheErasedValue() {
        PagedMemory flash = new PagedMemory(8192, (byte) 0xFF);
        flash.write8(5, (byte) 0);
        flash.erase();
        assertThat(flash.read8(5)).isEqualTo((byte) 0xFF);
        assertThat(flash.allocatedPages()).isZero();
    }

    @Test
    void accessesOutsideTheStoreAreRejected() {
        PagedMemory ram = new PagedMemory(4096, (byte) 0);
        assertThatThrownBy(() -> ram.read8(4096)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ram.write(4090, new byte[8], 0, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
