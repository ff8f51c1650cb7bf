package org.tock4j.kernel.platform;

/**
 * The chip's physical address space as the kernel sees it: flash, RAM and peripherals, little-endian, with
 * 32-bit unsigned addresses. The kernel reads and writes process memory through it without MPU checks; apps
 * go through the MPU.
 *
 * <p>Tock counterpart: raw pointers into the chip's memory map.
 */
public interface PhysicalMemory {

    byte read8(int address);

    void write8(int address, byte value);

    /** A little-endian 32-bit word. */
    int read32(int address);

    void write32(int address, int value);

    void read(int address, byte[] into, int offset, int length);

    void write(int address, byte[] from, int offset, int length);

    /** Sets {@code length} bytes from {@code address} to {@code value}. */
    void fill(int address, int length, byte value);
}
