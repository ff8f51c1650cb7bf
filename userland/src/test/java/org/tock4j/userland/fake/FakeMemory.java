package org.tock4j.userland.fake;

import java.util.function.IntSupplier;
import org.tock4j.userland.Memory;

/**
 * An app's RAM for tests: little-endian bytes from {@code start}, of which the app may touch
 * {@code [start, break)} only; anything else throws {@link MemoryFault}, as the MPU would fault the process.
 */
public final class FakeMemory implements Memory {

    private final int start;
    private final byte[] bytes;
    private final IntSupplier appBreak;

    public FakeMemory(int start, int size, IntSupplier appBreak) {
        this.start = start;
        this.bytes = new byte[size];
        this.appBreak = appBreak;
    }

    @Override
    public byte read8(int address) {
        return bytes[offset(address, 1)];
    }

    @Override
    public void write8(int address, byte value) {
        bytes[offset(address, 1)] = value;
    }

    @Override
    public int read32(int address) {
        int at = offset(address, 4);
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | bytes[at + 3] << 24;
    }

    @Override
    public void write32(int address, int value) {
        int at = offset(address, 4);
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        System.arraycopy(bytes, offset(address, length), into, offset, length);
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        System.arraycopy(from, offset, bytes, offset(address, length), length);
    }

    /** Whether {@code [address, address + length)} is app memory the app may touch now. */
    public boolean isAppMemory(int address, int length) {
        long from = Integer.toUnsignedLong(address);
        return length >= 0 && from >= Integer.toUnsignedLong(start)
                && from + length <= Integer.toUnsignedLong(appBreak.getAsInt());
    }

    /** The bytes at {@code [address, address + length)}, as the kernel sees them (no MPU check). */
    public byte[] peek(int address, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, address - start, copy, 0, length);
        return copy;
    }

    /** Writes {@code data} at {@code address} as the kernel would (no MPU check). */
    public void poke(int address, byte[] data, int length) {
        System.arraycopy(data, 0, bytes, address - start, length);
    }

    private int offset(int address, int length) {
        if (!isAppMemory(address, length)) {
            throw new MemoryFault("MPU fault: " + length + " bytes at 0x" + Integer.toHexString(address)
                    + " are outside app memory [0x" + Integer.toHexString(start) + ", 0x"
                    + Integer.toHexString(appBreak.getAsInt()) + ")");
        }
        return address - start;
    }
}
