package org.tock4j.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.tock4j.kernel.ErrorCode;

class Trd104EncodingTests {

    private static int[] encode(SyscallReturn r) {
        int[] regs = {0xA0, 0xA1, 0xA2, 0xA3};
        r.encodeTrd104(regs);
        return regs;
    }

    @Test
    void failuresPutTheVariantInR0AndTheErrorInR1() {
        assertThat(encode(new SyscallReturn.Failure(ErrorCode.INVAL))).containsExactly(0, 6, 0xA2, 0xA3);
        assertThat(encode(new SyscallReturn.FailureU32(ErrorCode.BUSY, 7))).containsExactly(1, 2, 7, 0xA3);
        assertThat(encode(new SyscallReturn.FailureU32U32(ErrorCode.SIZE, 7, 8))).containsExactly(2, 7, 7, 8);
    }

    @Test
    void sixtyFourBitValuesGoLowWordFirst() {
        assertThat(encode(new SyscallReturn.SuccessU64(0x1122334455667788L)))
                .containsExactly(131, 0x55667788, 0x11223344, 0xA3);
        assertThat(encode(new SyscallReturn.FailureU64(ErrorCode.FAIL, 0x1122334455667788L)))
                .containsExactly(3, 1, 0x55667788, 0x11223344);
        assertThat(encode(new SyscallReturn.SuccessU32U64(9, 0x1122334455667788L)))
                .containsExactly(133, 9, 0x55667788, 0x11223344);
    }

    @Test
    void successesUseVariants128To132() {
        assertThat(encode(SyscallReturn.SUCCESS_VALUE)).containsExactly(128, 0xA1, 0xA2, 0xA3);
        assertThat(encode(new SyscallReturn.SuccessU32(5))).containsExactly(129, 5, 0xA2, 0xA3);
        assertThat(encode(new SyscallReturn.SuccessU32U32(5, 6))).containsExactly(130, 5, 6, 0xA3);
        assertThat(encode(new SyscallReturn.SuccessU32U32U32(5, 6, 7))).containsExactly(132, 5, 6, 7);
        assertThat(encode(new SyscallReturn.SuccessAddr(0x2000_0000))).containsExactly(129, 0x2000_0000, 0xA2, 0xA3);
        assertThat(encode(new SyscallReturn.SuccessPtr(0x4000))).containsExactly(129, 0x4000, 0xA2, 0xA3);
    }

    @Test
    void allowAndSubscribeReturnTheirPairAsSuccessU32U32OrFailureU32U32() {
        assertThat(encode(new SyscallReturn.AllowReadWriteSuccess(0x2000_0100, 16)))
                .containsExactly(130, 0x2000_0100, 16, 0xA3);
        assertThat(encode(new SyscallReturn.AllowReadOnlyFailure(ErrorCode.INVAL, 0x10, 4)))
                .containsExactly(2, 6, 0x10, 4);
        assertThat(encode(new SyscallReturn.SubscribeSuccess(0x40035, 7))).containsExactly(130, 0x40035, 7, 0xA3);
        assertThat(encode(new SyscallReturn.SubscribeFailure(ErrorCode.NODEVICE, 0x40035, 7)))
                .containsExactly(2, 11, 0x40035, 7);
        assertThat(encode(new SyscallReturn.UserspaceReadableAllowFailure(ErrorCode.NOSUPPORT, 1, 2)))
                .containsExactly(2, 10, 1, 2);
    }

    @Test
    void yieldWaitForReturnsTheUpcallValuesInR0ToR2() {
        assertThat(encode(new SyscallReturn.YieldWaitFor(1, 2, 3))).containsExactly(1, 2, 3, 0xA3);
    }

    @Test
    void yieldWaitForCountsAsSuccessAndFailuresDoNot() {
        assertThat(new SyscallReturn.YieldWaitFor(0, 0, 0).isSuccess()).isTrue();
        assertThat(new SyscallReturn.SubscribeFailure(ErrorCode.FAIL, 0, 0).isSuccess()).isFalse();
        assertThat(CommandReturn.failure(ErrorCode.FAIL).isFailure()).isTrue();
        assertThat(CommandReturn.successU64(1).isSuccess()).isTrue();
    }
}
