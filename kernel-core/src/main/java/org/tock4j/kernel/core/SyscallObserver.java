package org.tock4j.kernel.core;

import java.util.Optional;

import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * Told of every system call the kernel handles and every upcall it hands a process: the structured form of
 * Tock's {@code trace_syscalls}, for test tools and traces.
 *
 * <pre>
 *   app ── svc ──► handleSyscall ──► syscall(caller, process, call, result)
 *   kernel loop ── setProcessFunction ──► functionCall(process, call)
 *   kernel loop ── Yield-WaitFor completes ──► yieldWaitForReturned(process, values)
 * </pre>
 */
public interface SyscallObserver {

    /**
     * A system call was handled.
     *
     * @param caller the process's id when it made the call (an exit-restart changes it)
     * @param result the value returned to the process; empty for yield and for a valid exit
     */
    void syscall(ProcessId caller, Process process, Syscall syscall, Optional<SyscallReturn> result);

    /** The kernel set up {@code call} (an upcall, or the entry point) to run in the process. */
    default void functionCall(Process process, FunctionCall call) {}

    /** A Yield-WaitFor completed with {@code values}. */
    default void yieldWaitForReturned(Process process, SyscallReturn values) {}

    SyscallObserver NONE = (caller, process, syscall, result) -> {};
}
