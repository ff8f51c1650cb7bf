package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeAlarm;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class AlarmTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();

    @Test
    void delayMsConvertsWithTheFrequencySetsARelativeAlarmAndYieldsWaitingForIt() {
        FakeAlarm.install(sys, 32_768, 1000);

        new Alarm(sys).delayMs(250);

        assertThat(sys.calls()).containsExactly(
                Syscall.command(0, 1, 0, 0),
                Syscall.command(0, 5, 8192, 0),
                Syscall.yield(2, 0, 0));
        assertThat(sys.pendingUpcalls()).isZero();
    }

    @Test
    void delayMsRunsNoCallbackAndLeavesOtherUpcallsQueued() {
        FakeAlarm.install(sys, 32_768, 0);
        int[] ran = {0};
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> ran[0]++), 0);
        sys.scheduleUpcall(99, 0, 0, 0, 0);

        new Alarm(sys).delayMs(10);

        assertThat(ran[0]).isZero();
        assertThat(sys.pendingUpcalls()).isEqualTo(1);
    }

    @Test
    void theFrequencyIsAskedOnce() {
        FakeAlarm.install(sys, 32_768, 0);
        Alarm alarm = new Alarm(sys);

        alarm.delayMs(1);
        alarm.delayMs(1);

        assertThat(sys.calls()).filteredOn(call -> call.equals(Syscall.command(0, 1, 0, 0))).hasSize(1);
    }

    @Test
    void millisecondsBecomeTicksAsLibtockCComputesThem() {
        FakeAlarm.install(sys, 32_768, 0);
        Alarm alarm = new Alarm(sys);

        assertThat(alarm.msToTicks(1)).isEqualTo(32);              // 32.768 rounds down
        assertThat(alarm.msToTicks(1500)).isEqualTo(49_152);
        assertThat(alarm.msToTicks(0xFFFF_FFFFL)).isEqualTo(140_737_488_322L);
        assertThat(alarm.ticksToMs(32_768)).isEqualTo(1000);
        assertThat(alarm.ticksToMs(33)).isEqualTo(1);
    }

    @Test
    void aScaledFrequencyAboveTwoToThe31IsReadUnsigned() {
        FakeAlarm.install(sys, (int) 4_000_000_000L, 0);
        Alarm alarm = new Alarm(sys);

        assertThat(alarm.frequency()).isEqualTo(4_000_000_000L);
        assertThat(alarm.msToTicks(1)).isEqualTo(4_000_000L);
    }

    @Test
    void aDelayLongerThanOneCounterWrapIsWaitedInAbsolutePiecesFromEachExpiration() {
        FakeAlarm alarm = FakeAlarm.install(sys, (int) 4_000_000_000L, 0x7000_0000);

        new Alarm(sys).delayMs(2500);  // 10^10 ticks = 2 * (2^32 - 1) + 1_410_065_410

        int first = 0x7000_0000 + 0xFFFF_FFFF;   // wraps to 0x6FFF_FFFF
        int second = first + 0xFFFF_FFFF;
        assertThat(sys.calls()).containsExactly(
                Syscall.command(0, 1, 0, 0),
                Syscall.command(0, 5, 0xFFFF_FFFF, 0),
                Syscall.yield(2, 0, 0),
                Syscall.command(0, 6, first, 0xFFFF_FFFF),
                Syscall.yield(2, 0, 0),
                Syscall.command(0, 6, second, 1_410_065_410),
                Syscall.yield(2, 0, 0));
        assertThat(first).isEqualTo(0x6FFF_FFFF);
        assertThat(alarm.now()).isEqualTo(second + 1_410_065_410);
    }

    @Test
    void aZeroDelayStillSetsAnAlarmAndWaitsForIt() {
        FakeAlarm.install(sys, 32_768, 5);

        new Alarm(sys).delayMs(0);

        assertThat(sys.calls()).endsWith(Syscall.command(0, 5, 0, 0), Syscall.yield(2, 0, 0));
    }

    @Test
    void tickArithmeticWrapsModuloTwoToThe32() {
        assertThat(Alarm.ticksBetween(0xFFFF_FFF0, 0x10)).isEqualTo(0x20);
        assertThat(Alarm.ticksBetween(5, 4)).isEqualTo(0xFFFF_FFFFL);
        assertThat(Alarm.isWithin(0x5, 0xFFFF_FFF0, 0x20)).isTrue();
        assertThat(Alarm.isWithin(0x10, 0xFFFF_FFF0, 0x20)).isFalse();
        assertThat(Alarm.isWithin(0xFFFF_FFEF, 0xFFFF_FFF0, 0x20)).isFalse();
    }

    @Test
    void nowSetRelativeAndSetAbsoluteReturnTheKernelsTicks() {
        FakeAlarm.install(sys, 32_768, 0xFFFF_FF00);
        Alarm alarm = new Alarm(sys);

        assertThat(alarm.now()).isEqualTo(0xFFFF_FF00);
        assertThat(alarm.setRelative(0x200)).isEqualTo(0x100);
        assertThat(alarm.setAbsolute(0x100, 0x10)).isEqualTo(0x110);
        assertThat(alarm.waitForAlarm()).isEqualTo(new UpcallArguments(0x100, 0x100, 0));
    }

    @Test
    void stoppingWhenNoAlarmIsSetFailsWithAlready() {
        FakeAlarm.install(sys, 32_768, 0);

        assertThatThrownBy(() -> new Alarm(sys).stop())
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.ALREADY));
    }

    @Test
    void millisecondsOutsideTheUnsigned32BitRangeAreRejected() {
        FakeAlarm.install(sys, 32_768, 0);
        Alarm alarm = new Alarm(sys);

        assertThatThrownBy(() -> alarm.delayMs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alarm.delayMs(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoardWithoutTheAlarmDriverFailsWithNodevice() {
        Alarm alarm = new Alarm(sys);

        assertThat(alarm.exists()).isFalse();
        assertThatThrownBy(() -> alarm.delayMs(1))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }
}
