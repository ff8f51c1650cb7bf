package org.tock4j.kernel.core.testing;

import java.util.Arrays;

import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * A test chip's physical memory: 1 MiB of flash at {@code 0x0000_0000} and 256 KiB of RAM at
 * {@code 0x2000_0000}, little-endian. Flash starts erased ({@code 0xFF}), RAM zeroed. Touching anything else is
 * a test bug and throws.
 */
public final class TestMemory implements PhysicalMemory {
    public static final int FLASH_START = 0x0000_0000;
    public static final int FLASH_SIZE = 1 << 20;
    public static final int RAM_START = 0x2000_0000;
    public static final int RAM_SIZE = 256 << 10;

    private final byte[] flash = new byte[FLASH_SIZE];
    private final byte[] ram = new byte[RAM_SIZE];
    private WriteListener writeListener;

    /** Told of every write, before it happens (for fuzzers checking who writes where). */
    @FunctionalInterface
    public interface WriteListener {
        void written(int address, int length);
    }

    /** Sets (or with null removes) the one write listener. */
    public void writeListener(WriteListener listener) {
        this.writeListener = listener;
    }

    private void notifyWrite(int address, int length) {
        if (writeListener != null) {
            writeListener.written(address, length);
        }
    }

    public TestMemory() {
        Arrays.fill(flash, (byte) 0xFF);
    }

    private byte[] bank(int address, int length) {
        long a = Integer.toUnsignedLong(address);
        if (a >= FLASH_START && a + length <= FLASH_START + (long) FLASH_SIZE) {
            return flash;
        }
        if (a >= RAM_START && a + length <= RAM_START + (long) RAM_SIZE) {
            return ram;
        }
        throw new IllegalArgumentException(String.format("no memory at %#010x (+%d)", address, length));
    }

    private int offset(byte[] bank, int address) {
        return bank == flash ? address - FLASH_START : address - RAM_START;
    }

    @Override
    public byte read8(int address) {
        byte[] b = bank(address, 1);
        return b[offset(b, address)];
    }

    @Override
    public void write8(int address, byte value) {
        notifyWrite(address, 1);
        byte[] b = bank(address, 1);
        b[offset(b, address)] = value;
    }

    @Override
    public int read32(int address) {
        byte[] b = bank(address, 4);
        int o = offset(b, address);
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    @Override
    public void write32(int address, int value) {
        notifyWrite(address, 4);
        byte[] b = bank(address, 4);
        int o = offset(b, address);
        b[o] = (byte) value;
        b[o + 1] = (byte) (value >>> 8);
        b[o + 2] = (byte) (value >>> 16);
        b[o + 3] = (byte) (value >>> 24);
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        byte[] b = bank(address, length);
        System.arraycopy(b, offset(b, address), into, offset, length);
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        notifyWrite(address, length);
        byte[] b = bank(address, length);
        System.arraycopy(from, offset, b, offset(b, address), length);
    }

    @Override
    public void fill(int address, int length, byte value) {
        notifyWrite(address, length);
        byte[] b = bank(address, length);
        int o = offset(b, address);
        Arrays.fill(b, o, o + length, value);
    }

    /** The bytes at {@code [address, address + length)}, for assertions. */
    public byte[] bytes(int address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }
}
