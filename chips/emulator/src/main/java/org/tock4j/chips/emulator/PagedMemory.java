package org.tock4j.chips.emulator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A byte store of fixed size whose untouched bytes read as the erased value (0x00 for RAM, 0xFF for flash).
 * Storage is allocated in {@value #PAGE_SIZE}-byte pages on the first write into each page, so a 1 MiB flash
 * with one app costs a few pages. Offsets are relative to the store's start.
 *
 * <pre>{@code
 * PagedMemory flash = new PagedMemory(1 << 20, (byte) 0xFF);
 * flash.read8(0x1234);          // 0xFF, nothing allocated
 * flash.write8(0x1234, (byte) 0);
 * flash.allocatedPages();       // 1
 * }</pre>
 *
 * <p>Tock counterpart: none (the chip's RAM and flash arrays).
 */
public final class PagedMemory {
    public static final int PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final VarHandle LITTLE_ENDIAN_WORD =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int size;
    private final byte erasedValue;
    private final byte[][] pages;

    public PagedMemory(int size, byte erasedValue) {
        if (size <= 0) {
            throw new IllegalArgumentException("memory size must be positive: " + size);
        }
        this.size = size;
        this.erasedValue = erasedValue;
        this.pages = new byte[(size + PAGE_MASK) >>> PAGE_SHIFT][];
    }

    public int size() {
        return size;
    }

    public byte erasedValue() {
        return erasedValue;
    }

    /** Pages holding storage so far. */
    public int allocatedPages() {
        int n = 0;
        for (byte[] page : pages) {
            if (page != null) {
                n++;
            }
        }
        return n;
    }

    public byte read8(int offset) {
        checkRange(offset, 1);
        byte[] page = pages[offset >>> PAGE_SHIFT];
        return page == null ? erasedValue : page[offset & PAGE_MASK];
    }

    public void write8(int offset, byte value) {
        checkRange(offset, 1);
        page(offset >>> PAGE_SHIFT)[offset & PAGE_MASK] = value;
    }

    /**
     * The little-endian word at {@code offset}, which may be unaligned; a word inside one page is read in one
     * access.
     */
    public int read32(int offset) {
        checkRange(offset, 4);
        int inPage = offset & PAGE_MASK;
        byte[] page = pages[offset >>> PAGE_SHIFT];
        if (inPage <= PAGE_SIZE - 4) {
            if (page == null) {
                int erased = erasedValue & 0xFF;
                return erased | erased << 8 | erased << 16 | erased << 24;
            }
            return (int) LITTLE_ENDIAN_WORD.get(page, inPage);
        }
        return (read8(offset) & 0xFF) | (read8(offset + 1) & 0xFF) << 8 | (read8(offset + 2) & 0xFF) << 16
                | (read8(offset + 3) & 0xFF) << 24;
    }

    /** Writes the little-endian word {@code value} at {@code offset}, which may be unaligned. */
    public void write32(int offset, int value) {
        checkRange(offset, 4);
        int inPage = offset & PAGE_MASK;
        if (inPage <= PAGE_SIZE - 4) {
            LITTLE_ENDIAN_WORD.set(page(offset >>> PAGE_SHIFT), inPage, value);
            return;
        }
        for (int i = 0; i < 4; i++) {
            write8(offset + i, (byte) (value >>> (8 * i)));
        }
    }

    public void read(int offset, byte[] into, int intoOffset, int length) {
        checkRange(offset, length);
        Objects.checkFromIndexSize(intoOffset, length, into.length);
        while (length > 0) {
            int inPage = offset & PAGE_MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            byte[] page = pages[offset >>> PAGE_SHIFT];
            if (page == null) {
                Arrays.fill(into, intoOffset, intoOffset + chunk, erasedValue);
            } else {
                System.arraycopy(page, inPage, into, intoOffset, chunk);
            }
            offset += chunk;
            intoOffset += chunk;
            length -= chunk;
        }
    }

    public void write(int offset, byte[] from, int fromOffset, int length) {
        checkRange(offset, length);
        Objects.checkFromIndexSize(fromOffset, length, from.length);
        while (length > 0) {
            int inPage = offset & PAGE_MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            System.arraycopy(from, fromOffset, page(offset >>> PAGE_SHIFT), inPage, chunk);
            offset += chunk;
            fromOffset += chunk;
            length -= chunk;
        }
    }

    /** Sets {@code length} bytes to {@code value}; filling untouched pages with the erased value allocates nothing. */
    public void fill(int offset, int length, byte value) {
        checkRange(offset, length);
        while (length > 0) {
            int inPage = offset & PAGE_MASK;
            int chunk = Math.min(length, PAGE_SIZE - inPage);
            int index = offset >>> PAGE_SHIFT;
            if (pages[index] != null || value != erasedValue) {
                Arrays.fill(page(index), inPage, inPage + chunk, value);
            }
            offset += chunk;
            length -= chunk;
        }
    }

    /** Returns every byte to the erased value and frees all pages. */
    public void erase() {
        Arrays.fill(pages, null);
    }

    private byte[] page(int index) {
        byte[] page = pages[index];
        if (page == null) {
            page = new byte[PAGE_SIZE];
            if (erasedValue != 0) {
                Arrays.fill(page, erasedValue);
            }
            pages[index] = page;
        }
        return page;
    }

    private void checkRange(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, size);
    }

    @Override
    public String toString() {
        return "PagedMemory[" + size + " bytes, erased " + String.format("0x%02X", erasedValue) + ", "
                + allocatedPages() + " pages allocated]";
    }
}
