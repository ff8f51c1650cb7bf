package org.tock4j.userland;

/**
 * The four registers a system call returns, as the kernel set them (TRD104).
 *
 * <pre>
 *   r0 = variant: 0 Failure, 1 FailureU32, 2 FailureU32U32, 3 FailureU64,
 *                 128 Success, 129 SuccessU32, 130 SuccessU32U32, 131 SuccessU64,
 *                 132 SuccessU32U32U32, 133 SuccessU32U64
 *   failure: r1 = error code
 * </pre>
 */
public record Registers(int r0, int r1, int r2, int r3) {

    public static final int FAILURE = 0;
    public static final int FAILURE_U32 = 1;
    public static final int FAILURE_U32_U32 = 2;
    public static final int FAILURE_U64 = 3;
    public static final int SUCCESS = 128;
    public static final int SUCCESS_U32 = 129;
    public static final int SUCCESS_U32_U32 = 130;
    public static final int SUCCESS_U64 = 131;
    public static final int SUCCESS_U32_U32_U32 = 132;
    public static final int SUCCESS_U32_U64 = 133;

    /** Whether r0 holds a success variant. */
    public boolean isSuccess() {
        return r0 >= SUCCESS && r0 <= SUCCESS_U32_U64;
    }

    /** Whether r0 holds a failure variant. */
    public boolean isFailure() {
        return r0 >= FAILURE && r0 <= FAILURE_U64;
    }

    /** The error code of a failure (r1); 0 for a success. */
    public int errorCode() {
        return isFailure() ? r1 : 0;
    }

    @Override
    public String toString() {
        return "Registers(" + r0 + ", 0x" + Integer.toHexString(r1) + ", 0x" + Integer.toHexString(r2) + ", 0x"
                + Integer.toHexString(r3) + ")";
    }
}
