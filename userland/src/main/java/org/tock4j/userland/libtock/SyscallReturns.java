package org.tock4j.userland.libtock;

import org.tock4j.userland.Registers;

/**
 * Turns the registers a system call returned into the value the caller expects, or a {@link TockException}.
 *
 * <pre>{@code
 * int count = SyscallReturns.expectSuccessU32(sys.command(2, 0, 0, 0), "Leds.count");
 * }</pre>
 *
 * <p>A failure variant (r0 = 0..3) becomes its error code from r1; any other variant than the expected one
 * becomes {@link ReturnCode#BADRVAL}, as libtock-c's {@code tock_command_return_*_to_returncode} do.
 *
 * <p>libtock-c counterpart: {@code tock_command_return_novalue_to_returncode}, {@code ..._u32_...},
 * {@code ..._u64_...}, {@code tock_subscribe_return_to_returncode}, {@code tock_allow_*_return_to_returncode};
 * libtock-rs counterpart: {@code CommandReturn::to_result} and {@code get_success_*}.
 */
public final class SyscallReturns {

    private SyscallReturns() {}

    /** The outcome as a code: {@code SUCCESS} for any success variant, the error for a failure. */
    public static ReturnCode toReturnCode(Registers r) {
        if (r.isSuccess()) {
            return ReturnCode.SUCCESS;
        }
        if (r.isFailure()) {
            return ReturnCode.fromStatusCode(r.r1());
        }
        return ReturnCode.BADRVAL;
    }

    /** Requires {@code Success} (r0 = 128). */
    public static void expectSuccess(Registers r, String operation) {
        expectVariant(r, Registers.SUCCESS, operation);
    }

    /** Requires {@code Success}; a failure names the operation with its argument, as {@code "Leds.on(7)"}. */
    public static void expectSuccess(Registers r, String operation, int argument) {
        if (r.r0() != Registers.SUCCESS) {
            throw failure(r, operation + "(" + argument + ")");
        }
    }

    /** Requires {@code Success with u32} (r0 = 129) and returns r1, an unsigned 32-bit value. */
    public static int expectSuccessU32(Registers r, String operation) {
        expectVariant(r, Registers.SUCCESS_U32, operation);
        return r.r1();
    }

    /** Requires {@code Success with u32} and returns r1; a failure names the operation with its argument. */
    public static int expectSuccessU32(Registers r, String operation, int argument) {
        if (r.r0() != Registers.SUCCESS_U32) {
            throw failure(r, operation + "(" + argument + ")");
        }
        return r.r1();
    }

    /**
     * Requires {@code Success with 2 u32} (r0 = 130), the success variant of subscribe and the allows (r1, r2 then
     * hold the previous upcall and data, or the previous buffer's address and length).
     */
    public static void expectSuccessU32U32(Registers r, String operation) {
        expectVariant(r, Registers.SUCCESS_U32_U32, operation);
    }

    /** Requires {@code Success with u64} (r0 = 131) and returns r2:r1, low word first. */
    public static long expectSuccessU64(Registers r, String operation) {
        expectVariant(r, Registers.SUCCESS_U64, operation);
        return (Integer.toUnsignedLong(r.r2()) << 32) | Integer.toUnsignedLong(r.r1());
    }

    /** Requires any success variant. */
    public static void expectAnySuccess(Registers r, String operation) {
        if (!r.isSuccess()) {
            throw failure(r, operation);
        }
    }

    private static void expectVariant(Registers r, int variant, String operation) {
        if (r.r0() != variant) {
            throw failure(r, operation);
        }
    }

    private static TockException failure(Registers r, String operation) {
        return new TockException(r.isFailure() ? ReturnCode.fromStatusCode(r.r1()) : ReturnCode.BADRVAL, operation,
                "[" + r + "]");
    }
}
