package org.tock4j.kernel.syscall;

/**
 * Why a process handed the CPU back to the kernel.
 *
 * <p>Tock counterpart: {@code kernel::syscall::ContextSwitchReason}.
 */
public sealed interface ContextSwitchReason {

    ContextSwitchReason FAULT = new Fault();
    ContextSwitchReason INTERRUPTED = new Interrupted();

    /** The process made a system call. */
    record SyscallFired(Syscall syscall) implements ContextSwitchReason {}

    /** The process faulted (an uncaught exception, an MPU violation, a bad system call number). */
    record Fault() implements ContextSwitchReason {}

    /** An interrupt (or the timeslice's end) stopped the process. */
    record Interrupted() implements ContextSwitchReason {}
}
