package org.tock4j.kernel.core.memop;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * The memop system call: a process asks about or changes its memory.
 *
 * <pre>
 *   0 brk(addr)          move the app break to addr           Success | Failure(NOMEM)
 *   1 sbrk(incr)         move it by incr, return the old one  SuccessU32(old) | Failure(NOMEM)
 *   2 / 3                start / end of the process's RAM      SuccessU32
 *   4 / 5                start / end of its flash              SuccessU32
 *   6                    start of its grant region             SuccessU32
 *   7                    number of writeable flash regions     SuccessU32
 *   8 / 9 (n)            start / end of writeable region n     SuccessU32 | Failure(FAIL)
 *   10 / 11 (addr)       stack top / heap start hints          Success
 *   other                                                      Failure(NOSUPPORT)
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::memop::memop}.
 */
public final class Memop {
    private Memop() {}

    public static SyscallReturn memop(Process process, int opType, int r1) {
        return switch (opType) {
            case 0 -> process.brk(r1).isOk()
                    ? SyscallReturn.SUCCESS_VALUE
                    : new SyscallReturn.Failure(ErrorCode.NOMEM);
            case 1 -> {
                var previous = process.sbrk(r1);
                yield previous.isOk()
                        ? new SyscallReturn.SuccessPtr(previous.unwrap())
                        : new SyscallReturn.Failure(ErrorCode.NOMEM);
            }
            case 2 -> new SyscallReturn.SuccessPtr(process.getAddresses().sramStart());
            case 3 -> new SyscallReturn.SuccessPtr(process.getAddresses().sramEnd());
            case 4 -> new SyscallReturn.SuccessPtr(process.getAddresses().flashStart());
            case 5 -> new SyscallReturn.SuccessPtr(process.getAddresses().flashEnd());
            case 6 -> new SyscallReturn.SuccessAddr(process.getAddresses().sramGrantStart());
            case 7 -> new SyscallReturn.SuccessU32(process.numberWriteableFlashRegions());
            case 8, 9 -> writeableFlashRegionBound(process, r1, opType == 9);
            case 10 -> {
                process.updateStackStartPointer(r1);
                yield SyscallReturn.SUCCESS_VALUE;
            }
            case 11 -> {
                process.updateHeapStartPointer(r1);
                yield SyscallReturn.SUCCESS_VALUE;
            }
            default -> new SyscallReturn.Failure(ErrorCode.NOSUPPORT);
        };
    }

    private static SyscallReturn writeableFlashRegionBound(Process process, int index, boolean end) {
        ProcessAddresses addresses = process.getAddresses();
        int[] region = process.getWriteableFlashRegion(index);
        int offset = region[0];
        int size = region[1];
        if (size == 0) {
            return new SyscallReturn.Failure(ErrorCode.FAIL);
        }
        int start = addresses.flashStart() + offset;
        return new SyscallReturn.SuccessPtr(end ? start + size : start);
    }
}
