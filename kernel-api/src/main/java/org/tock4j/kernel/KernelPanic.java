package org.tock4j.kernel;

/**
 * A violated kernel invariant: Tock's {@code panic!}. The board halts and prints a panic report.
 *
 * <p>Expected failures are {@link ErrorCode} results; this is for bugs and broken promises (a grant entered
 * twice, a grant created after processes exist, a capsule that throws).
 */
public final class KernelPanic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KernelPanic(String message) {
        super(message);
    }

    public KernelPanic(String message, Throwable cause) {
        super(message, cause);
    }
}
