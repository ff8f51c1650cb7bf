package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * Every {@link SyscallReturn} variant in TRD104's registers (Tock's {@code encode_syscall_return_trd104}):
 * variant in r0, error in r1 for failures, 64-bit values low word first, untouched registers unchanged.
 */
class Trd104EncodingTests {
    private static final int KEEP = 0xDEAD_BEEF;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(new SyscallReturn.Failure(ErrorCode.BUSY), new int[] {0, 2, KEEP, KEEP}),
                Arguments.of(new SyscallReturn.FailureU32(ErrorCode.INVAL, 7), new int[] {1, 6, 7, KEEP}),
                Arguments.of(new SyscallReturn.FailureU32U32(ErrorCode.SIZE, 7, 8), new int[] {2, 7, 7, 8}),
                Arguments.of(new SyscallReturn.FailureU64(ErrorCode.NOMEM, 0x1122_3344_5566_7788L),
                        new int[] {3, 9, 0x5566_7788, 0x1122_3344}),
                Arguments.of(new SyscallReturn.Success(), new int[] {128, KEEP, KEEP, KEEP}),
                Arguments.of(new SyscallReturn.SuccessU32(-1), new int[] {129, -1, KEEP, KEEP}),
                Arguments.of(new SyscallReturn.SuccessU32U32(1, 2), new int[] {130, 1, 2, KEEP}),
                Arguments.of(new SyscallReturn.SuccessU32U32U32(1, 2, 3), new int[] {132, 1, 2, 3}),
                Arguments.of(new SyscallReturn.SuccessU64(0x8000_0001_0000_0002L), new int[] {131, 2, 0x8000_0001,
                        KEEP}),
                Arguments.of(new SyscallReturn.SuccessU32U64(5, 0x0000_00AA_0000_00BBL), new int[] {133, 5, 0xBB,
                        0xAA}),
                Arguments.of(new SyscallReturn.SuccessAddr(0x2000_1000), new int[] {129, 0x2000_1000, KEEP, KEEP}),
                Arguments.of(new SyscallReturn.SuccessPtr(0x0004_0000), new int[] {129, 0x0004_0000, KEEP, KEEP}),
                Arguments.of(new SyscallReturn.AllowReadWriteSuccess(0x2000_0100, 16), new int[] {130, 0x2000_0100,
                        16, KEEP}),
                Arguments.of(new SyscallReturn.AllowReadWriteFailure(ErrorCode.INVAL, 0x10, 4), new int[] {2, 6, 0x10,
                        4}),
                Arguments.of(new SyscallReturn.UserspaceReadableAllowSuccess(0x2000_0200, 8), new int[] {130,
                        0x2000_0200, 8, KEEP}),
                Arguments.of(new SyscallReturn.UserspaceReadableAllowFailure(ErrorCode.NOSUPPORT, 0x20, 8),
                        new int[] {2, 10, 0x20, 8}),
                Arguments.of(new SyscallReturn.AllowReadOnlySuccess(0x4_0400, 64), new int[] {130, 0x4_0400, 64,
                        KEEP}),
                Arguments.of(new SyscallReturn.AllowReadOnlyFailure(ErrorCode.NODEVICE, 0x30, 1), new int[] {2, 11,
                        0x30, 1}),
                Arguments.of(new SyscallReturn.SubscribeSuccess(0x4_0101, 0xAB), new int[] {130, 0x4_0101, 0xAB,
                        KEEP}),
                Arguments.of(new SyscallReturn.SubscribeFailure(ErrorCode.NOMEM, 0x4_0101, 0xAB), new int[] {2, 9,
                        0x4_0101, 0xAB}),
                Arguments.of(new SyscallReturn.YieldWaitFor(4, 5, 6), new int[] {4, 5, 6, KEEP}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachVariantIsEncodedAsTrd104Says(SyscallReturn value, int[] expected) {
        int[] r = {KEEP, KEEP, KEEP, KEEP};

        value.encodeTrd104(r);

        assertThat(r).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void failuresAreExactlyTheVariantsBelow128(SyscallReturn value, int[] expected) {
        boolean yieldWaitFor = value instanceof SyscallReturn.YieldWaitFor;
        assertThat(value.isSuccess()).isEqualTo(yieldWaitFor || expected[0] >= 128);
    }
}
