package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeAlarm;
import org.tock4j.userland.fake.FakeConsole;
import org.tock4j.userland.fake.FakeRng;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;
import org.tock4j.userland.fake.YieldLimitReached;

class RngAppTests {

    private static final int TICKS_1_S_AT_32768_HZ = 32_768;

    @Test
    void rngIsTheTbfPackageName() {
        assertThat(new RngApp().name()).isEqualTo("rng");
    }

    @Test
    void rngPrintsTheEightBytesItReceivedAsHexThenWaitsOneSecond() {
        ScriptedSyscalls sys = new ScriptedSyscalls();
        FakeRng rng = FakeRng.install(sys)
                .willReturn(0x00, 0x1F, 0xA0, 0xFF, 0x12, 0x34, 0x56, 0x78)
                .willReturn(0xCA, 0xFE, 0xBA, 0xBE, 0x80, 0x7F, 0x01, 0x10);
        FakeConsole console = FakeConsole.install(sys);
        FakeAlarm alarm = FakeAlarm.install(sys, 32_768, 0);
        sys.limitYields(6);                         // two lines: the RNG, the console and the alarm each yield once

        assertThatThrownBy(() -> new RngApp().main(sys)).isInstanceOf(YieldLimitReached.class);

        assertThat(console.output()).isEqualTo("Random: 0x001fa0ff12345678\r\n" + "Random: 0xcafebabe807f0110\r\n");
        assertThat(rng.requests()).isEqualTo(3);
        assertThat(sys.calls(Syscall.Kind.COMMAND)).filteredOn(call -> call.r0() == 0x40001)
                .containsOnly(Syscall.command(0x40001, 1, 8, 0));
        assertThat(sys.calls()).containsSubsequence(
                Syscall.command(0x40001, 1, 8, 0), Syscall.command(1, 1, 28, 0),
                Syscall.command(0, 5, TICKS_1_S_AT_32768_HZ, 0), Syscall.yield(2, 0, 0),
                Syscall.command(0x40001, 1, 8, 0), Syscall.command(1, 1, 28, 0),
                Syscall.command(0, 5, TICKS_1_S_AT_32768_HZ, 0), Syscall.yield(2, 0, 0),
                Syscall.command(0x40001, 1, 8, 0));
        assertThat(alarm.now()).isEqualTo(2 * TICKS_1_S_AT_32768_HZ);
    }

    @Test
    void theLineShowsEachByteAsTwoLowerCaseHexDigitsInOrder() {
        assertThat(RngApp.line(new byte[] {0, 1, (byte) 0xAB, (byte) 0x80, 0x7F, 0x0F, (byte) 0xF0, (byte) 0xFF}))
                .isEqualTo("Random: 0x0001ab807f0ff0ff\r\n");
        assertThat(RngApp.line(new byte[] {0x05})).isEqualTo("Random: 0x05\r\n");
    }
}
