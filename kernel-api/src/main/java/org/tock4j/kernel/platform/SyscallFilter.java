package org.tock4j.kernel.platform;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.syscall.Syscall;

/**
 * A board's policy on which system calls a process may make. Yield, exit and memop are never filtered.
 *
 * <p>Tock counterpart: {@code kernel::platform::platform::SyscallFilter}; {@link #ALLOW_ALL} is Tock's
 * {@code ()}.
 */
public interface SyscallFilter {

    /** {@code Ok} lets the call through; {@code Err(e)} returns {@code Failure(e)} to the process. */
    Result<Void, ErrorCode> filterSyscall(Process process, Syscall syscall);

    SyscallFilter ALLOW_ALL = (process, syscall) -> Result.ok();
}
