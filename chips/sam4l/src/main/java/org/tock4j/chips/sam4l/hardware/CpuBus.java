package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The address space as the SAM4L's CPU stores into it: like the {@link MemoryBus}, except that stores into the
 * flash array go to the FLASHCALW page buffer, as on the silicon. Drivers that program flash use this view;
 * the {@link MemoryBus} itself keeps treating flash writes as a debugger's (how boards load app images).
 */
public final class CpuBus implements PhysicalMemory {
    private final MemoryBus bus;
    private final MemoryRegion flash;
    private final FlashcalwModel flashcalw;

    public CpuBus(MemoryBus bus, MemoryRegion flash, FlashcalwModel flashcalw) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.flash = Objects.requireNonNull(flash, "flash");
        this.flashcalw = Objects.requireNonNull(flashcalw, "flashcalw");
    }

    @Override
    public byte read8(int address) {
        return bus.read8(address);
    }

    @Override
    public void write8(int address, byte value) {
        if (flash.contains(address)) {
            flashcalw.pageBufferWrite(address - flash.start(), new byte[] {value}, 0, 1);
        } else {
            bus.write8(address, value);
        }
    }

    @Override
    public int read32(int address) {
        return bus.read32(address);
    }

    @Override
    public void write32(int address, int value) {
        if (flash.contains(address)) {
            byte[] word = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
            flashcalw.pageBufferWrite(address - flash.start(), word, 0, 4);
        } else {
            bus.write32(address, value);
        }
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        bus.read(address, into, offset, length);
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        if (flash.contains(address, length)) {
            flashcalw.pageBufferWrite(address - flash.start(), from, offset, length);
        } else {
            bus.write(address, from, offset, length);
        }
    }

    @Override
    public void fill(int address, int length, byte value) {
        if (flash.contains(address, length)) {
            byte[] data = new byte[length];
            java.util.Arrays.fill(data, value);
            flashcalw.pageBufferWrite(address - flash.start(), data, 0, length);
        } else {
            bus.fill(address, length, value);
        }
    }
}
