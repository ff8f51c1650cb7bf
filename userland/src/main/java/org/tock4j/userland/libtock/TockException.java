package org.tock4j.userland.libtock;

import java.util.Objects;

/**
 * A system call, or an operation made of system calls, failed: the kernel returned an error code (or, with
 * {@link ReturnCode#BADRVAL}, a return variant the call does not define).
 *
 * <p>Drivers throw it where libtock-c returns a negative {@code returncode_t} and libtock-rs an
 * {@code Err(ErrorCode)}. Left uncaught it ends {@code App.main} with an exception, which faults the process.
 */
public final class TockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReturnCode returnCode;
    private final String operation;

    /**
     * @param returnCode what went wrong; never {@code SUCCESS}
     * @param operation what was attempted, e.g. {@code "Leds.on"}
     * @param detail more context (registers, arguments), may be empty
     */
    public TockException(ReturnCode returnCode, String operation, String detail) {
        super(message(returnCode, operation, detail));
        if (returnCode == ReturnCode.SUCCESS) {
            throw new IllegalArgumentException("a TockException needs an error, not SUCCESS");
        }
        this.returnCode = returnCode;
        this.operation = operation;
    }

    public TockException(ReturnCode returnCode, String operation) {
        this(returnCode, operation, "");
    }

    /** The error. */
    public ReturnCode returnCode() {
        return returnCode;
    }

    /** What was attempted. */
    public String operation() {
        return operation;
    }

    private static String message(ReturnCode returnCode, String operation, String detail) {
        Objects.requireNonNull(returnCode, "returnCode");
        Objects.requireNonNull(operation, "operation");
        String text = operation + " failed: " + returnCode + " (" + returnCode.description() + ")";
        return detail == null || detail.isEmpty() ? text : text + " " + detail;
    }
}
