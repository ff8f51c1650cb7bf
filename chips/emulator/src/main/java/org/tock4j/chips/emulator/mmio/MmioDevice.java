package org.tock4j.chips.emulator.mmio;

/**
 * Something on the bus that answers word accesses to its addresses: a peripheral's registers.
 *
 * <p>Addresses are absolute and word-aligned; the {@link org.tock4j.chips.emulator.MemoryBus} only forwards
 * accesses inside the range the device was mapped at.
 *
 * <p>Tock counterpart: none (the silicon behind a {@code StaticRef<Registers>}).
 */
public interface MmioDevice {

    String name();

    int read32(int address);

    void write32(int address, int value);

    /** Reports a sub-word write the device does not support; the bus then ignores it. */
    default void unsupportedByteWrite(int address) {}
}
