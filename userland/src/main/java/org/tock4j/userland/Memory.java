package org.tock4j.userland;

/**
 * The app's own address space, little-endian, checked by the MPU: touching memory the process may not (its
 * grant region, another process, kernel RAM, unmapped space) faults the process.
 */
public interface Memory {

    byte read8(int address);

    void write8(int address, byte value);

    int read32(int address);

    void write32(int address, int value);

    void read(int address, byte[] into, int offset, int length);

    void write(int address, byte[] from, int offset, int length);
}
