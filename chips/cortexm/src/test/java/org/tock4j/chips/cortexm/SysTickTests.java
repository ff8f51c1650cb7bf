package org.tock4j.chips.cortexm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;

class SysTickTests {
    private final VirtualClock clock = new VirtualClock();
    private final CortexM4 core = new CortexM4(clock, new MemoryBus(), 64_000_000, 48, 3);
    private final SysTick systick = core.systick();
    private final CortexMCpu cpu = core.cpu();

    @Test
    void startLoadsTheReloadValueForTheTimeslice() {
        systick.start(10_000);

        assertThat(core.bus().read32(0xE000_E014)).isEqualTo(640_000);
        assertThat(systick.getRemainingUs()).hasValue(10_000);
    }

    @Test
    void theRemainingTimeFollowsTheCyclesTheCoreRan() {
        systick.start(10_000);
        cpu.executeCycles(64 * 2_500);

        assertThat(systick.getRemainingUs()).hasValue(7_500);
        assertThat(core.bus().read32(0xE000_E018)).isEqualTo(640_000 - 160_000);
    }

    @Test
    void theRemainingTimeIsEmptyOnceTheCounterReachedZero() {
        systick.start(10_000);
        cpu.executeCycles(639_999);
        assertThat(systick.getRemainingUs()).isEmpty(); // 1 cycle left: 0 µs, which Tock reports as expired

        systick.start(10_000);
        cpu.executeCycles(640_000);
        assertThat(systick.getRemainingUs()).isEmpty();
        assertThat(clock.now()).isEqualTo(20_000_000 - 15);
    }

    @Test
    void readingTheStatusClearsCountflagSoTheSecondReadSeesTheReloadedCounter() {
        systick.start(1_000);
        cpu.executeCycles(64_000);

        assertThat(systick.getRemainingUs()).isEmpty();
        cpu.executeCycles(64 * 100);
        assertThat(systick.getRemainingUs()).hasValue(900);
    }

    @Test
    void anArmedTimerPreemptsTheProcessWhenItExpires() {
        systick.start(1_000);
        systick.arm();
        cpu.enterUserspace();

        cpu.executeCycles(63_999);
        assertThat(cpu.hasPendingException()).isFalse();
        cpu.executeCycles(1);

        assertThat(cpu.takePendingException()).isTrue();
    }

    @Test
    void aDisarmedTimerKeepsCountingButDoesNotPreempt() {
        systick.start(1_000);
        systick.arm();
        systick.disarm();
        cpu.enterUserspace();

        cpu.executeCycles(70_000);

        assertThat(cpu.takePendingException()).isFalse();
        assertThat(systick.getRemainingUs()).isEmpty();
    }

    @Test
    void resetStopsTheTimerWhichThenReportsNoTimeLeft() {
        systick.start(1_000);
        systick.arm();
        systick.reset();
        cpu.enterUserspace();

        cpu.executeCycles(1_000_000);

        assertThat(cpu.takePendingException()).isFalse();
        assertThat(systick.getRemainingUs()).isEmpty();
        assertThat(clock.pendingEventCount()).isZero();
    }

    @Test
    void theReloadValueIsTruncatedToTwentyFourBits() {
        systick.start(300_000); // 19,200,000 cycles do not fit in RELOAD

        assertThat(core.bus().read32(0xE000_E014)).isEqualTo(19_200_000 & 0xFF_FFFF);
        assertThat(systick.getRemainingUs()).hasValue((int) ((19_200_000L & 0xFF_FFFF) * 1_000_000 / 64_000_000));
    }

    @Test
    void afterReachingZeroTheCounterReloadsEveryReloadPlusOneCycles() {
        systick.start(1); // reload 64
        systick.arm();
        cpu.enterUserspace();
        cpu.executeCycles(64);
        assertThat(cpu.takePendingException()).isTrue();

        cpu.executeCycles(64);
        assertThat(cpu.takePendingException()).isFalse();
        cpu.executeCycles(1);
        assertThat(cpu.takePendingException()).isTrue();
    }
}
