package org.tock4j.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyscallDecodingTests {

    @Test
    void eachSvcNumberDecodesToItsClassWithTheRegistersTrd104Assigns() {
        assertThat(Syscall.fromRegisterArguments(0, 1, 2, 3, 4)).contains(new Syscall.Yield(1, 2, 3));
        assertThat(Syscall.fromRegisterArguments(1, 1, 2, 3, 4)).contains(new Syscall.Subscribe(1, 2, 3, 4));
        assertThat(Syscall.fromRegisterArguments(2, 1, 2, 3, 4)).contains(new Syscall.Command(1, 2, 3, 4));
        assertThat(Syscall.fromRegisterArguments(3, 1, 2, 3, 4)).contains(new Syscall.ReadWriteAllow(1, 2, 3, 4));
        assertThat(Syscall.fromRegisterArguments(4, 1, 2, 3, 4)).contains(new Syscall.ReadOnlyAllow(1, 2, 3, 4));
        assertThat(Syscall.fromRegisterArguments(5, 1, 2, 3, 4)).contains(new Syscall.Memop(1, 2));
        assertThat(Syscall.fromRegisterArguments(6, 1, 2, 3, 4)).contains(new Syscall.Exit(1, 2));
        assertThat(Syscall.fromRegisterArguments(7, 1, 2, 3, 4))
                .contains(new Syscall.UserspaceReadableAllow(1, 2, 3, 4));
    }

    @Test
    void anSvcNumberWithoutAClassDecodesToNothing() {
        assertThat(Syscall.fromRegisterArguments(8, 0, 0, 0, 0)).isEmpty();
        assertThat(Syscall.fromRegisterArguments(-1, 0, 0, 0, 0)).isEmpty();
    }

    @Test
    void onlyDriverCallsNameADriver() {
        assertThat(new Syscall.Command(0x1, 2, 0, 0).driverNumberIfAny()).hasValue(0x1);
        assertThat(new Syscall.Command(0x1, 2, 0, 0).subdriverNumberIfAny()).hasValue(2);
        assertThat(new Syscall.Yield(1, 0, 0).driverNumberIfAny()).isEmpty();
        assertThat(new Syscall.Memop(0, 0).subdriverNumberIfAny()).isEmpty();
    }

    @Test
    void yieldVariantsAreZeroOneTwo() {
        assertThat(YieldCall.tryFrom(0)).contains(YieldCall.NoWait);
        assertThat(YieldCall.tryFrom(1)).contains(YieldCall.Wait);
        assertThat(YieldCall.tryFrom(2)).contains(YieldCall.WaitFor);
        assertThat(YieldCall.tryFrom(3)).isEmpty();
    }
}
