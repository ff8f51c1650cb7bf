package org.tock4j.kernel.core.process;

import java.util.Optional;

import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * The architecture side of a process: its saved registers, how return values and function calls are put
 * into them, and the switch into it. The JVM runtime is tock4j's architecture; an ARMv7-M interpreter would
 * be another.
 *
 * <p>Tock counterpart: {@code kernel::syscall::UserspaceKernelBoundary} with its {@code StoredState}.
 */
public interface UserspaceKernelBoundary {

    /** App memory the process needs before it can run at all (Cortex-M: its 32-byte exception frame). */
    int initialProcessAppBrkSize();

    /** Resets the saved state for a fresh start; false if the memory cannot hold it. */
    boolean initializeProcess(int accessibleMemoryStart, int appBrk);

    /** Puts a system call's return value into the saved registers; false if that fails. */
    boolean setSyscallReturnValue(int accessibleMemoryStart, int appBrk, SyscallReturn returnValue);

    /** Arranges for the process to run {@code callback} when next switched to; false if that fails. */
    boolean setProcessFunction(int accessibleMemoryStart, int appBrk, FunctionCall callback);

    /** Runs the process until it traps. */
    Switched switchToProcess(int accessibleMemoryStart, int appBrk);

    /** The saved registers, for a panic report. */
    String printContext(int accessibleMemoryStart, int appBrk);

    /** Ends whatever is running the process's code (a restart or termination discards it). */
    void discard();

    /** Why the process trapped and, if known, its stack pointer. */
    record Switched(ContextSwitchReason reason, Optional<Integer> stackPointer) {}
}
