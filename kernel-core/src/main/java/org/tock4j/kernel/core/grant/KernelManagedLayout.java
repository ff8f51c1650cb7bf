package org.tock4j.kernel.core.grant;

import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Reads and lays out the kernel-owned part of a grant allocation in process RAM.
 *
 * <pre>
 *   base + size ┌──────────────────────────────┐
 *               │ T (its declared size)        │
 *               ├──────────────────────────────┤
 *               │ padding (so T is aligned)    │
 *               ├──────────────────────────────┤
 *               │ SavedAllowRw[rw] (ptr, len)  │
 *               │ SavedAllowRo[ro] (ptr, len)  │
 *               │ SavedUpcall[n] (appdata, fn) │
 *   base + 4    ├──────────────────────────────┤
 *               │ counters: byte0 #upcalls,    │
 *   base        │ byte1 #RO, byte2 #RW, byte3 0│
 *               └──────────────────────────────┘
 * </pre>
 *
 * <p>Every field is a 32-bit little-endian word, as on a 32-bit Cortex-M.
 *
 * <p>Tock counterpart: {@code EnteredGrantKernelManagedLayout} in {@code kernel/src/grant.rs}.
 */
final class KernelManagedLayout {
    /** {@code size_of::<usize>()} on the 32-bit targets Tock runs on. */
    static final int USIZE = 4;
    /** {@code size_of::<SavedUpcall>()}: appdata and function pointer. */
    static final int SAVED_UPCALL_SIZE = 8;
    /** {@code size_of::<SavedAllowRo>()} and {@code SavedAllowRw}: pointer and length. */
    static final int SAVED_ALLOW_SIZE = 8;

    final int countersPtr;
    final int upcallsArray;
    final int allowRoArray;
    final int allowRwArray;
    final int upcallsNum;
    final int allowRoNum;
    final int allowRwNum;

    private KernelManagedLayout(int base, int upcallsNum, int allowRoNum, int allowRwNum) {
        this.countersPtr = base;
        this.upcallsNum = upcallsNum;
        this.allowRoNum = allowRoNum;
        this.allowRwNum = allowRwNum;
        this.upcallsArray = base + USIZE;
        this.allowRoArray = upcallsArray + upcallsNum * SAVED_UPCALL_SIZE;
        this.allowRwArray = allowRoArray + allowRoNum * SAVED_ALLOW_SIZE;
    }

    /** Reads the layout of an initialised grant at {@code base}. */
    static KernelManagedLayout readFromBase(PhysicalMemory memory, int base) {
        int counters = memory.read32(base);
        return new KernelManagedLayout(base, counters & 0xFF, (counters >>> 8) & 0xFF, (counters >>> 16) & 0xFF);
    }

    /** Writes the counters word and empty upcall and allow slots at {@code base}. */
    static KernelManagedLayout initializeFromCounts(
            PhysicalMemory memory, int base, int upcallsNum, int allowRoNum, int allowRwNum) {
        KernelManagedLayout layout = new KernelManagedLayout(base, upcallsNum, allowRoNum, allowRwNum);
        memory.write32(base, (allowRwNum << 16) | (allowRoNum << 8) | upcallsNum);
        int arrays = upcallsNum * SAVED_UPCALL_SIZE + (allowRoNum + allowRwNum) * SAVED_ALLOW_SIZE;
        memory.fill(layout.upcallsArray, arrays, (byte) 0);
        return layout;
    }

    /** The whole allocation: kernel-managed part, padding to T's alignment, then T. */
    static int grantSize(int upcallsNum, int allowRoNum, int allowRwNum, int grantTSize, int grantTAlign) {
        int kernelManagedSize = USIZE
                + upcallsNum * SAVED_UPCALL_SIZE
                + allowRoNum * SAVED_ALLOW_SIZE
                + allowRwNum * SAVED_ALLOW_SIZE;
        int alignMask = grantTAlign - 1;
        int padding = (grantTAlign - (kernelManagedSize & alignMask)) & alignMask;
        return kernelManagedSize + padding + grantTSize;
    }

    /** The allocation's alignment: the larger of a word's and T's. */
    static int grantAlign(int grantTAlign) {
        return Math.max(USIZE, grantTAlign);
    }

    /** Where T starts: it is the last thing in the allocation. */
    static int offsetOfGrantDataT(int base, int grantSize, int grantTSize) {
        return base + grantSize - grantTSize;
    }

    int savedUpcallAddress(int index) {
        return upcallsArray + index * SAVED_UPCALL_SIZE;
    }

    int savedAllowRoAddress(int index) {
        return allowRoArray + index * SAVED_ALLOW_SIZE;
    }

    int savedAllowRwAddress(int index) {
        return allowRwArray + index * SAVED_ALLOW_SIZE;
    }
}
