package org.tock4j.kernel.syscall;

import org.tock4j.kernel.ErrorCode;

/**
 * What a system call returns, before it is encoded into registers.
 *
 * <p>{@link #encodeTrd104(int[])} writes the TRD104 encoding into r0..r3:
 *
 * <pre>
 *   r0 = variant     Failure 0  FailureU32 1  FailureU32U32 2  FailureU64 3
 *                    Success 128  SuccessU32 129  SuccessU32U32 130  SuccessU64 131
 *                    SuccessU32U32U32 132  SuccessU32U64 133
 *   failures: r1 = error code, r2.. = data
 *   64-bit values: low word first, high word in the next register
 *   allow/subscribe: SuccessU32U32(ptr, len|appdata) or FailureU32U32(err, ptr, len|appdata)
 *   yield-wait-for: r0..r2 = the upcall's three values
 * </pre>
 *
 * <p>Each variant prints as Rust's derived {@code Debug} prints it ({@code SuccessU32(5)},
 * {@code Failure(NOMEM)}), so traces read as Tock's do.
 *
 * <p>Tock counterpart: {@code kernel::syscall::SyscallReturn} and
 * {@code kernel::utilities::arch_helpers::encode_syscall_return_trd104}.
 */
public sealed interface SyscallReturn {

    int FAILURE = 0;
    int FAILURE_U32 = 1;
    int FAILURE_U32_U32 = 2;
    int FAILURE_U64 = 3;
    int SUCCESS = 128;
    int SUCCESS_U32 = 129;
    int SUCCESS_U32_U32 = 130;
    int SUCCESS_U64 = 131;
    int SUCCESS_U32_U32_U32 = 132;
    int SUCCESS_U32_U64 = 133;

    SyscallReturn SUCCESS_VALUE = new Success();

    record Failure(ErrorCode error) implements SyscallReturn {
        @Override
        public String toString() {
            return "Failure(" + error + ")";
        }
    }

    record FailureU32(ErrorCode error, int data0) implements SyscallReturn {
        @Override
        public String toString() {
            return "FailureU32(" + error + ", " + u32(data0) + ")";
        }
    }

    record FailureU32U32(ErrorCode error, int data0, int data1) implements SyscallReturn {
        @Override
        public String toString() {
            return "FailureU32U32(" + error + ", " + u32(data0) + ", " + u32(data1) + ")";
        }
    }

    record FailureU64(ErrorCode error, long data0) implements SyscallReturn {
        @Override
        public String toString() {
            return "FailureU64(" + error + ", " + Long.toUnsignedString(data0) + ")";
        }
    }

    record Success() implements SyscallReturn {
        @Override
        public String toString() {
            return "Success";
        }
    }

    record SuccessU32(int data0) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessU32(" + u32(data0) + ")";
        }
    }

    record SuccessU32U32(int data0, int data1) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessU32U32(" + u32(data0) + ", " + u32(data1) + ")";
        }
    }

    record SuccessU32U32U32(int data0, int data1, int data2) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessU32U32U32(" + u32(data0) + ", " + u32(data1) + ", " + u32(data2) + ")";
        }
    }

    record SuccessU64(long data0) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessU64(" + Long.toUnsignedString(data0) + ")";
        }
    }

    record SuccessU32U64(int data0, long data1) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessU32U64(" + u32(data0) + ", " + Long.toUnsignedString(data1) + ")";
        }
    }

    /** An address; encoded as {@code SuccessU32} on 32-bit platforms. */
    record SuccessAddr(int address) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessAddr(" + u32(address) + ")";
        }
    }

    /** A pointer; encoded as {@code SuccessU32} on 32-bit platforms. */
    record SuccessPtr(int pointer) implements SyscallReturn {
        @Override
        public String toString() {
            return "SuccessPtr(CapabilityPtr { ptr: " + hexPointer(pointer) + " })";
        }
    }

    record AllowReadWriteSuccess(int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "AllowReadWriteSuccess(" + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record AllowReadWriteFailure(ErrorCode error, int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "AllowReadWriteFailure(" + error + ", " + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record UserspaceReadableAllowSuccess(int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "UserspaceReadableAllowSuccess(" + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record UserspaceReadableAllowFailure(ErrorCode error, int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "UserspaceReadableAllowFailure(" + error + ", " + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record AllowReadOnlySuccess(int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "AllowReadOnlySuccess(" + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record AllowReadOnlyFailure(ErrorCode error, int ptr, int len) implements SyscallReturn {
        @Override
        public String toString() {
            return "AllowReadOnlyFailure(" + error + ", " + hexPointer(ptr) + ", " + u32(len) + ")";
        }
    }

    record SubscribeSuccess(int upcallPtr, int appdata) implements SyscallReturn {
        @Override
        public String toString() {
            return "SubscribeSuccess(" + hexPointer(upcallPtr) + ", " + u32(appdata) + ")";
        }
    }

    record SubscribeFailure(ErrorCode error, int upcallPtr, int appdata) implements SyscallReturn {
        @Override
        public String toString() {
            return "SubscribeFailure(" + error + ", " + hexPointer(upcallPtr) + ", " + u32(appdata) + ")";
        }
    }

    record YieldWaitFor(int data0, int data1, int data2) implements SyscallReturn {
        @Override
        public String toString() {
            return "YieldWaitFor(" + u32(data0) + ", " + u32(data1) + ", " + u32(data2) + ")";
        }
    }

    /** Whether this is a success variant (yield-wait-for counts as one). */
    default boolean isSuccess() {
        return switch (this) {
            case Failure f -> false;
            case FailureU32 f -> false;
            case FailureU32U32 f -> false;
            case FailureU64 f -> false;
            case AllowReadWriteFailure f -> false;
            case UserspaceReadableAllowFailure f -> false;
            case AllowReadOnlyFailure f -> false;
            case SubscribeFailure f -> false;
            default -> true;
        };
    }

    /**
     * Writes this value into {@code r} (r0..r3) as TRD104 encodes it. Registers the encoding does not name keep
     * their values, as on the hardware.
     */
    default void encodeTrd104(int[] r) {
        switch (this) {
            case Failure f -> {
                r[0] = FAILURE;
                r[1] = f.error().number();
            }
            case FailureU32 f -> {
                r[0] = FAILURE_U32;
                r[1] = f.error().number();
                r[2] = f.data0();
            }
            case FailureU32U32 f -> {
                r[0] = FAILURE_U32_U32;
                r[1] = f.error().number();
                r[2] = f.data0();
                r[3] = f.data1();
            }
            case FailureU64 f -> {
                r[0] = FAILURE_U64;
                r[1] = f.error().number();
                r[2] = (int) f.data0();
                r[3] = (int) (f.data0() >>> 32);
            }
            case Success s -> r[0] = SUCCESS;
            case SuccessU32 s -> {
                r[0] = SUCCESS_U32;
                r[1] = s.data0();
            }
            case SuccessU32U32 s -> {
                r[0] = SUCCESS_U32_U32;
                r[1] = s.data0();
                r[2] = s.data1();
            }
            case SuccessU32U32U32 s -> {
                r[0] = SUCCESS_U32_U32_U32;
                r[1] = s.data0();
                r[2] = s.data1();
                r[3] = s.data2();
            }
            case SuccessU64 s -> {
                r[0] = SUCCESS_U64;
                r[1] = (int) s.data0();
                r[2] = (int) (s.data0() >>> 32);
            }
            case SuccessU32U64 s -> {
                r[0] = SUCCESS_U32_U64;
                r[1] = s.data0();
                r[2] = (int) s.data1();
                r[3] = (int) (s.data1() >>> 32);
            }
            case SuccessAddr s -> {
                r[0] = SUCCESS_U32;
                r[1] = s.address();
            }
            case SuccessPtr s -> {
                r[0] = SUCCESS_U32;
                r[1] = s.pointer();
            }
            case AllowReadWriteSuccess s -> successPair(r, s.ptr(), s.len());
            case UserspaceReadableAllowSuccess s -> successPair(r, s.ptr(), s.len());
            case AllowReadOnlySuccess s -> successPair(r, s.ptr(), s.len());
            case SubscribeSuccess s -> successPair(r, s.upcallPtr(), s.appdata());
            case AllowReadWriteFailure f -> failurePair(r, f.error(), f.ptr(), f.len());
            case UserspaceReadableAllowFailure f -> failurePair(r, f.error(), f.ptr(), f.len());
            case AllowReadOnlyFailure f -> failurePair(r, f.error(), f.ptr(), f.len());
            case SubscribeFailure f -> failurePair(r, f.error(), f.upcallPtr(), f.appdata());
            case YieldWaitFor y -> {
                r[0] = y.data0();
                r[1] = y.data1();
                r[2] = y.data2();
            }
        }
    }

    private static void successPair(int[] r, int a, int b) {
        r[0] = SUCCESS_U32_U32;
        r[1] = a;
        r[2] = b;
    }

    private static void failurePair(int[] r, ErrorCode e, int a, int b) {
        r[0] = FAILURE_U32_U32;
        r[1] = e.number();
        r[2] = a;
        r[3] = b;
    }

    /** A {@code u32} or {@code usize} as Rust's {@code Debug} prints it. */
    private static String u32(int value) {
        return Integer.toUnsignedString(value);
    }

    /** A pointer as Rust's {@code Debug} prints it. */
    private static String hexPointer(int address) {
        return "0x" + Integer.toHexString(address);
    }
}
