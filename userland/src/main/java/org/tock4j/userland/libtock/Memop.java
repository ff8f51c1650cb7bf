package org.tock4j.userland.libtock;

import org.tock4j.userland.Syscalls;

/**
 * The Memop system calls (class 5): the program break and the layout of the process's memory.
 *
 * <pre>{@code
 * int heapStart = Memop.memoryStart(sys);
 * int oldBreak = Memop.sbrk(sys, 256);      // 256 more bytes of app memory
 * }</pre>
 *
 * <table>
 *   <caption>Operands (Tock's {@code kernel/src/memop.rs})</caption>
 *   <tr><th>operand</th><th>argument</th><th>returns</th></tr>
 *   <tr><td>0 brk</td><td>new break</td><td>Success, or NOMEM</td></tr>
 *   <tr><td>1 sbrk</td><td>signed increment</td><td>the previous break, or NOMEM</td></tr>
 *   <tr><td>2 / 3</td><td>-</td><td>start / end of the process's RAM</td></tr>
 *   <tr><td>4 / 5</td><td>-</td><td>start / end of the process's flash</td></tr>
 *   <tr><td>6</td><td>-</td><td>lowest address of the kernel-owned grant region</td></tr>
 *   <tr><td>7 / 8 / 9</td><td>- / index / index</td><td>writeable flash regions: count / start / end</td></tr>
 *   <tr><td>10 / 11</td><td>address</td><td>tell the kernel where the stack / heap starts (debug hint)</td></tr>
 * </table>
 *
 * <p>Addresses are unsigned 32-bit values held in an {@code int}. libtock-c counterpart: {@code memop},
 * {@code _sbrk} ({@code libtock/sys.c}), {@code tock_app_memory_begins_at} and friends ({@code libtock/tock.c}).
 */
public final class Memop {

    public static final int BRK = 0;
    public static final int SBRK = 1;
    public static final int MEMORY_START = 2;
    public static final int MEMORY_END = 3;
    public static final int FLASH_START = 4;
    public static final int FLASH_END = 5;
    public static final int GRANT_REGION_BEGIN = 6;
    public static final int WRITEABLE_FLASH_REGION_COUNT = 7;
    public static final int WRITEABLE_FLASH_REGION_START = 8;
    public static final int WRITEABLE_FLASH_REGION_END = 9;
    public static final int STACK_TOP_HINT = 10;
    public static final int HEAP_START_HINT = 11;

    private Memop() {}

    /** Sets the program break to {@code address}; {@code NOMEM} if the kernel refuses. */
    public static void brk(Syscalls sys, int address) {
        SyscallReturns.expectSuccess(sys.memop(BRK, address), "Memop.brk");
    }

    /** Moves the program break by {@code increment} bytes (may be negative) and returns the previous break. */
    public static int sbrk(Syscalls sys, int increment) {
        return SyscallReturns.expectSuccessU32(sys.memop(SBRK, increment), "Memop.sbrk");
    }

    /** The current program break: {@code sbrk(0)}. */
    public static int currentBreak(Syscalls sys) {
        return sbrk(sys, 0);
    }

    /** The first address of the process's RAM. */
    public static int memoryStart(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(MEMORY_START, 0), "Memop.memoryStart");
    }

    /** The first address after the process's RAM. */
    public static int memoryEnd(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(MEMORY_END, 0), "Memop.memoryEnd");
    }

    /** The first address of the process's flash (its TBF header). */
    public static int flashStart(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(FLASH_START, 0), "Memop.flashStart");
    }

    /** The first address after the process's flash. */
    public static int flashEnd(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(FLASH_END, 0), "Memop.flashEnd");
    }

    /** The lowest address of the grant region, which the kernel owns. */
    public static int grantRegionBegin(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(GRANT_REGION_BEGIN, 0), "Memop.grantRegionBegin");
    }

    /** How many writeable flash regions the TBF header declares. */
    public static int writeableFlashRegionCount(Syscalls sys) {
        return SyscallReturns.expectSuccessU32(sys.memop(WRITEABLE_FLASH_REGION_COUNT, 0),
                "Memop.writeableFlashRegionCount");
    }

    /** The start of writeable flash region {@code index}; {@code FAIL} if there is no such region. */
    public static int writeableFlashRegionStart(Syscalls sys, int index) {
        return SyscallReturns.expectSuccessU32(sys.memop(WRITEABLE_FLASH_REGION_START, index),
                "Memop.writeableFlashRegionStart");
    }

    /** The first address after writeable flash region {@code index}; {@code FAIL} if there is no such region. */
    public static int writeableFlashRegionEnd(Syscalls sys, int index) {
        return SyscallReturns.expectSuccessU32(sys.memop(WRITEABLE_FLASH_REGION_END, index),
                "Memop.writeableFlashRegionEnd");
    }

    /** Tells the kernel where the app's stack starts, for fault reports. */
    public static void setStackTopHint(Syscalls sys, int address) {
        SyscallReturns.expectSuccess(sys.memop(STACK_TOP_HINT, address), "Memop.setStackTopHint");
    }

    /** Tells the kernel where the app's heap starts, for fault reports. */
    public static void setHeapStartHint(Syscalls sys, int address) {
        SyscallReturns.expectSuccess(sys.memop(HEAP_START_HINT, address), "Memop.setHeapStartHint");
    }
}
