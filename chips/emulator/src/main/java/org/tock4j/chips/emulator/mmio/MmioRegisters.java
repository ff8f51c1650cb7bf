package org.tock4j.chips.emulator.mmio;

import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * A driver's view of a peripheral's registers: word accesses at {@code base + offset} through the bus, as
 * Tock drivers access registers through a {@code StaticRef}.
 *
 * <pre>{@code
 * MmioRegisters regs = new MmioRegisters(bus, 0x4000_2000);
 * regs.write(TASKS_STARTTX, 1);
 * boolean done = regs.read(EVENTS_ENDTX) != 0;
 * regs.modify(PIN_CNF + 4 * pin, PULL_MASK, PULL_UP);   // read-modify-write of a field
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::utilities::StaticRef} with tock-registers' {@code get/set/modify}.
 */
public record MmioRegisters(PhysicalMemory bus, int base) {

    public int read(int offset) {
        return bus.read32(base + offset);
    }

    public void write(int offset, int value) {
        bus.write32(base + offset, value);
    }

    /** Whether any of {@code mask}'s bits read as 1. */
    public boolean isSet(int offset, int mask) {
        return (read(offset) & mask) != 0;
    }

    /** Reads, replaces the bits of {@code fieldMask} with {@code fieldValue}, writes back. */
    public void modify(int offset, int fieldMask, int fieldValue) {
        write(offset, (read(offset) & ~fieldMask) | (fieldValue & fieldMask));
    }
}
