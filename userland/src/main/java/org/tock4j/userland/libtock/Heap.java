package org.tock4j.userland.libtock;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tock4j.userland.Syscalls;

/**
 * The app's heap: a first-fit allocator over the app's own RAM that grows the program break with {@code sbrk}
 * when nothing free fits, so drivers can place buffers in app memory and allow them to the kernel.
 *
 * <pre>{@code
 * Heap heap = new Heap(sys);
 * int buffer = heap.allocate(64);                        // 8-byte aligned, in app memory
 * sys.memory().write(buffer, bytes, 0, bytes.length);
 * sys.allowReadOnly(1, 1, buffer, bytes.length);
 * ...
 * heap.free(buffer);
 * }</pre>
 *
 * <p>On first use it takes the app memory from the process's RAM start (memop 2) up to the current break
 * (memop 1 with 0), tells the kernel where it starts (memop 11), and from then on grows by exactly what an
 * allocation lacks, rounded to 8 bytes. Blocks are 8-byte multiples; freed blocks merge with free neighbours.
 * The bookkeeping lives in Java, not in app memory. The heap never shrinks the break. It assumes nothing else
 * lowers the break; memory another caller took with {@code sbrk} is skipped, not reused.
 *
 * <p>One {@code Heap} per process (see {@link Libtock}); two heaps over one process would hand out the same
 * memory. libtock-c counterpart: newlib's {@code malloc}/{@code free} over {@code _sbrk} ({@code libtock/sys.c}).
 */
public final class Heap {

    /** The alignment of {@link #allocate(int)}, as {@code malloc} gives on 32-bit Arm. */
    public static final int DEFAULT_ALIGNMENT = 8;

    private static final long GRANULE = 8;

    private final Syscalls sys;
    /** Free blocks: start address → size, both unsigned and 8-byte multiples. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Allocated blocks: start address → size. */
    private final Map<Long, Long> allocated = new HashMap<>();
    private boolean initialized;
    private long start;
    private long end;

    public Heap(Syscalls sys) {
        this.sys = sys;
    }

    /** Allocates {@code size} bytes, 8-byte aligned, and returns their address. */
    public int allocate(int size) {
        return allocate(size, DEFAULT_ALIGNMENT);
    }

    /**
     * Allocates {@code size} bytes at an address that is a multiple of {@code alignment} (a power of two) and
     * returns it; grows the break if no free block fits.
     *
     * @throws TockException {@code NOMEM} when the kernel will not move the break far enough
     */
    public int allocate(int size, int alignment) {
        if (size <= 0) {
            throw new IllegalArgumentException("allocation size must be positive, was " + size);
        }
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, was " + alignment);
        }
        initialize();
        long blockSize = alignUp(size, GRANULE);
        long blockAlignment = Math.max(alignment, GRANULE);
        while (true) {
            long address = firstFit(blockSize, blockAlignment);
            if (address >= 0) {
                return (int) address;
            }
            grow(blockSize, blockAlignment);
        }
    }

    /** Returns a block from {@link #allocate(int)} to the heap. */
    public void free(int address) {
        long block = Integer.toUnsignedLong(address);
        Long size = allocated.remove(block);
        if (size == null) {
            throw new IllegalArgumentException("0x" + Integer.toHexString(address) + " is not an allocated block");
        }
        addFree(block, block + size);
    }

    /** The size of the allocated block at {@code address} (a multiple of 8). */
    public int blockSize(int address) {
        Long size = allocated.get(Integer.toUnsignedLong(address));
        if (size == null) {
            throw new IllegalArgumentException("0x" + Integer.toHexString(address) + " is not an allocated block");
        }
        return (int) (long) size;
    }

    /** The first address the heap manages (the process's RAM start). Asks the kernel on first use. */
    public int start() {
        initialize();
        return (int) start;
    }

    /** The program break as the heap last moved or saw it: the heap is {@code [start(), end())}. */
    public int end() {
        initialize();
        return (int) end;
    }

    /** Bytes currently handed out. */
    public long allocatedBytes() {
        return allocated.values().stream().mapToLong(Long::longValue).sum();
    }

    private void initialize() {
        if (initialized) {
            return;
        }
        start = alignUp(Integer.toUnsignedLong(Memop.memoryStart(sys)), GRANULE);
        end = Integer.toUnsignedLong(Memop.currentBreak(sys));
        addFree(start, alignDown(end, GRANULE));
        // A debugging hint for the kernel's fault reports; a kernel that does not record it changes nothing.
        sys.memop(Memop.HEAP_START_HINT, (int) start);
        initialized = true;
    }

    /** The address of a block taken from the first free block that fits, or -1. */
    private long firstFit(long size, long alignment) {
        for (Map.Entry<Long, Long> block : free.entrySet()) {
            long blockStart = block.getKey();
            long blockEnd = blockStart + block.getValue();
            long address = alignUp(blockStart, alignment);
            if (address + size <= blockEnd) {
                free.remove(blockStart);
                if (address > blockStart) {
                    free.put(blockStart, address - blockStart);
                }
                if (address + size < blockEnd) {
                    free.put(address + size, blockEnd - address - size);
                }
                allocated.put(address, size);
                return address;
            }
        }
        return -1;
    }

    /** Moves the break up so that a block of {@code size} at {@code alignment} fits at the top of the heap. */
    private void grow(long size, long alignment) {
        long extendFrom = end;
        Map.Entry<Long, Long> last = free.lastEntry();
        if (last != null && last.getKey() + last.getValue() == end) {
            extendFrom = last.getKey();
        }
        long increment = alignUp(alignUp(extendFrom, alignment) + size - end, GRANULE);
        if (increment > Integer.MAX_VALUE) {
            throw new TockException(ReturnCode.NOMEM, "Heap.allocate", "(" + size + " bytes)");
        }
        long previous;
        try {
            previous = Integer.toUnsignedLong(Memop.sbrk(sys, (int) increment));
        } catch (TockException e) {
            throw new TockException(e.returnCode(), "Heap.allocate",
                    "(" + size + " bytes: growing the break 0x" + Long.toHexString(end) + " by " + increment + ")");
        }
        if (previous < end) {
            throw new IllegalStateException("the program break moved below the heap's end: 0x"
                    + Long.toHexString(previous) + " < 0x" + Long.toHexString(end));
        }
        end = previous + increment;
        addFree(alignUp(previous, GRANULE), alignDown(end, GRANULE));
    }

    /** Adds {@code [from, to)} to the free blocks, merging it with free neighbours. */
    private void addFree(long from, long to) {
        if (to <= from) {
            return;
        }
        Map.Entry<Long, Long> below = free.lowerEntry(from);
        if (below != null && below.getKey() + below.getValue() == from) {
            from = below.getKey();
            free.remove(from);
        }
        Long aboveSize = free.remove(to);
        if (aboveSize != null) {
            to += aboveSize;
        }
        free.put(from, to - from);
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    private static long alignDown(long value, long alignment) {
        return value & -alignment;
    }
}
