package org.tock4j.kernel;

/**
 * Standard errors in Tock, with Tock's numbers; the number is what TRD104 puts in a return register.
 *
 * <p>Tock counterpart: {@code kernel::ErrorCode} ({@code kernel/src/errorcode.rs}).
 */
public enum ErrorCode {
    FAIL(1),
    BUSY(2),
    ALREADY(3),
    OFF(4),
    RESERVE(5),
    INVAL(6),
    SIZE(7),
    CANCEL(8),
    NOMEM(9),
    NOSUPPORT(10),
    NODEVICE(11),
    UNINSTALLED(12),
    NOACK(13);

    private static final ErrorCode[] BY_NUMBER = new ErrorCode[14];

    static {
        for (ErrorCode e : values()) {
            BY_NUMBER[e.number] = e;
        }
    }

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    /** The value userspace sees in the error register. */
    public int number() {
        return number;
    }

    /** The error with Tock's number {@code n}; {@code FAIL} for numbers Tock does not define. */
    public static ErrorCode fromNumber(int n) {
        return n > 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : FAIL;
    }

    /** True when {@code n} is one of Tock's error numbers. */
    public static boolean isDefined(int n) {
        return n > 0 && n < BY_NUMBER.length;
    }

    /** Tock's {@code into_statuscode}: 0 for success, the error's number otherwise. */
    public static int intoStatusCode(Result<?, ErrorCode> result) {
        return result instanceof Result.Err<?, ErrorCode> err ? err.error().number() : 0;
    }
}
