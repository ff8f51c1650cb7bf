package org.tock4j.capsules.core.testing;

import java.util.Arrays;

import org.tock4j.kernel.platform.PhysicalMemory;

/** RAM backed by a byte array at {@code base}, little-endian, for process buffers in tests. */
public final class FakeMemory implements PhysicalMemory {
    private final int base;
    private final byte[] bytes;

    public FakeMemory(int base, int size) {
        this.base = base;
        this.bytes = new byte[size];
    }

    private int offset(int address, int length) {
        long offset = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(base);
        if (offset < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException(
                    "0x" + Integer.toHexString(address) + "+" + length + " is outside test RAM");
        }
        return (int) offset;
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
        int o = offset(address, 4);
        return (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8
                | (bytes[o + 2] & 0xFF) << 16 | (bytes[o + 3] & 0xFF) << 24;
    }

    @Override
    public void write32(int address, int value) {
        int o = offset(address, 4);
        for (int i = 0; i < 4; i++) {
            bytes[o + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        System.arraycopy(bytes, offset(address, length), into, offset, length);
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        System.arraycopy(from, offset, bytes, offset(address, length), length);
    }

    @Override
    public void fill(int address, int length, byte value) {
        int o = offset(address, length);
        Arrays.fill(bytes, o, o + length, value);
    }
}
