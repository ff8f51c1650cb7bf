package org.tock4j.userland.libtock;

/**
 * The outcome of a system call as userspace reports it: {@code SUCCESS}, one of Tock's error codes, or
 * {@code BADRVAL} when the kernel answered with a return variant the call does not define.
 *
 * <p>{@link #value()} is libtock-c's {@code returncode_t} (0 or the negated error number);
 * {@link #statusCode()} is the number the kernel puts in a return register (Tock's {@code ErrorCode}).
 *
 * <p>libtock-c counterpart: {@code returncode_t} and {@code statuscode_t} ({@code libtock/tock.h});
 * libtock-rs counterpart: {@code libtock_platform::ErrorCode}.
 */
public enum ReturnCode {
    SUCCESS(0, "success"),
    FAIL(1, "unknown failure"),
    BUSY(2, "the underlying system is busy; retry"),
    ALREADY(3, "the requested state is already set"),
    OFF(4, "the component is powered down"),
    RESERVE(5, "a reservation is required before use"),
    INVAL(6, "an invalid parameter was passed"),
    SIZE(7, "a parameter was too large"),
    CANCEL(8, "the operation was cancelled"),
    NOMEM(9, "the memory required is not available"),
    NOSUPPORT(10, "the operation or command is not supported"),
    NODEVICE(11, "the device does not exist"),
    UNINSTALLED(12, "the device is not physically installed"),
    NOACK(13, "the packet transmission was not acknowledged"),
    BADRVAL(1024, "the kernel returned an unexpected return variant");

    private static final ReturnCode[] BY_STATUS = new ReturnCode[14];

    static {
        for (ReturnCode code : values()) {
            if (code.statusCode < BY_STATUS.length) {
                BY_STATUS[code.statusCode] = code;
            }
        }
    }

    private final int statusCode;
    private final String description;

    ReturnCode(int statusCode, String description) {
        this.statusCode = statusCode;
        this.description = description;
    }

    /** The number in a failure's error register: 0 for {@code SUCCESS}, 1..13 for Tock's errors, 1024 for {@code BADRVAL}. */
    public int statusCode() {
        return statusCode;
    }

    /** libtock-c's {@code returncode_t}: {@code -statusCode()}. */
    public int value() {
        return -statusCode;
    }

    /** A short human description, as libtock-c's {@code tock_strrcode} gives. */
    public String description() {
        return description;
    }

    /** Whether this is {@code SUCCESS}. */
    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /**
     * The code for a status number from a register or an upcall argument: 0 is {@code SUCCESS}, 1..13 are Tock's
     * errors, anything else is {@code FAIL} (libtock-c's {@code tock_status_to_returncode}).
     */
    public static ReturnCode fromStatusCode(int status) {
        return status >= 0 && status < BY_STATUS.length ? BY_STATUS[status] : FAIL;
    }
}
