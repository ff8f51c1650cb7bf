package org.tock4j.boards.kit;

import java.util.Optional;

import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * One event of a process's system call trace, with its virtual time.
 *
 * <pre>
 *   [0.000512] hello(0)  Command(driverNumber=1, subdriverNumber=1, arg0=14, arg1=0)  = Success
 *   [0.250033] blink(1)  upcall @0x48035 (0, 0x200000, 0, 0)
 * </pre>
 *
 * @param processId the process's identifier when the event happened
 */
public sealed interface SyscallRecord {

    long timeNs();

    String process();

    int processId();

    /** A system call and what it returned (empty for yield and exit). */
    record Call(long timeNs, String process, int processId, Syscall syscall, Optional<SyscallReturn> result)
            implements SyscallRecord {
        @Override
        public String toString() {
            return String.format("[%d.%09d] %s(%d) %s%s", timeNs / 1_000_000_000L, timeNs % 1_000_000_000L, process,
                    processId, syscall, result.map(r -> " = " + r).orElse(""));
        }
    }

    /** The kernel set up an upcall (or the entry point) to run in the process. */
    record Upcall(long timeNs, String process, int processId, int pc, int arg0, int arg1, int arg2, int arg3)
            implements SyscallRecord {
        @Override
        public String toString() {
            return String.format("[%d.%09d] %s(%d) upcall @%#x(%#x, %#x, %#x, %#x)", timeNs / 1_000_000_000L,
                    timeNs % 1_000_000_000L, process, processId, pc, arg0, arg1, arg2, arg3);
        }
    }

    /** A Yield-WaitFor completed with the upcall's values. */
    record YieldWaitForReturned(long timeNs, String process, int processId, SyscallReturn values)
            implements SyscallRecord {
        @Override
        public String toString() {
            return String.format("[%d.%09d] %s(%d) yield-wait-for returned %s", timeNs / 1_000_000_000L,
                    timeNs % 1_000_000_000L, process, processId, values);
        }
    }
}
