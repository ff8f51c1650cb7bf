package org.tock4j.chips.emulator;

/**
 * A named range of the address space: {@code [start, start + size)}, addresses as 32-bit unsigned values.
 *
 * <p>Tock counterpart: a region of the chip's linker memory map.
 */
public record MemoryRegion(String name, int start, int size, RegionKind kind) {

    public MemoryRegion {
        if (size <= 0) {
            throw new IllegalArgumentException(name + ": size must be positive: " + size);
        }
        if (Integer.toUnsignedLong(start) + size > 0x1_0000_0000L) {
            throw new IllegalArgumentException(name + ": region passes the end of the 32-bit address space");
        }
    }

    /** The first address past the region, as an unsigned value. */
    public long end() {
        return Integer.toUnsignedLong(start) + size;
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address - start, size) < 0;
    }

    /** Whether {@code [address, address + length)} lies wholly inside. */
    public boolean contains(int address, int length) {
        long offset = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(start);
        return offset >= 0 && length >= 0 && offset + length <= size;
    }

    @Override
    public String toString() {
        return String.format("%s [0x%08X..0x%08X) %s", name, start, end(), kind);
    }
}
