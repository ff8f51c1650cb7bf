package org.tock4j.kernel.process;

import org.tock4j.kernel.ErrorCode;

/**
 * Errors of operations on a process (grant allocation, process buffers, brk).
 *
 * <p>Tock counterpart: {@code kernel::process::Error}, including its {@code From<Error> for ErrorCode}.
 */
public enum ProcessError {
    /** The process id no longer names a process (it was restarted, or never existed). */
    NoSuchApp,
    /** Not enough memory for the request. */
    OutOfMemory,
    /** An address is outside the region it must lie in. */
    AddressOutOfBounds,
    /** The process is inactive (not running, not yielded): its memory cannot be used. */
    InactiveApp,
    /** The kernel is in an inconsistent state. */
    KernelError,
    /** The resource (for example a grant) is already in use (entered). */
    AlreadyInUse;

    /** The error code userspace sees for this error. */
    public ErrorCode toErrorCode() {
        return switch (this) {
            case OutOfMemory -> ErrorCode.NOMEM;
            case AddressOutOfBounds -> ErrorCode.INVAL;
            case NoSuchApp -> ErrorCode.INVAL;
            case InactiveApp -> ErrorCode.FAIL;
            case KernelError -> ErrorCode.FAIL;
            case AlreadyInUse -> ErrorCode.FAIL;
        };
    }
}
