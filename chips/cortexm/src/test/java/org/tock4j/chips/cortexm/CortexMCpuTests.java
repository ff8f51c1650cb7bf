package org.tock4j.chips.cortexm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;

class CortexMCpuTests {
    private final VirtualClock clock = new VirtualClock();

    @Test
    void sixtyFourCyclesAtSixtyFourMegahertzAreExactlyOneMicrosecond() {
        CortexMCpu cpu = new CortexMCpu(clock, 64_000_000);
        cpu.executeCycles(64);
        assertThat(clock.now()).isEqualTo(1_000);
        assertThat(cpu.cycles()).isEqualTo(64);
    }

    @Test
    void cyclesExecutedOneAtATimeDoNotDrift() {
        CortexMCpu cpu = new CortexMCpu(clock, 64_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            cpu.executeCycles(1);
        }
        assertThat(clock.now()).isEqualTo(15_625_000);
    }

    @Test
    void aCycleEndsAtTheFirstWholeNanosecondAfterIt() {
        CortexMCpu cpu = new CortexMCpu(clock, 48_000_000);
        cpu.executeCycles(1);
        assertThat(clock.now()).isEqualTo(21);
        cpu.executeCycles(2);
        assertThat(clock.now()).isEqualTo(63);
        cpu.executeCycles(45);
        assertThat(clock.now()).isEqualTo(1_000);
    }

    @Test
    void executionStartingBetweenCyclesCountsTheCycleInProgress() {
        CortexMCpu cpu = new CortexMCpu(clock, 64_000_000);
        clock.advanceTo(1_010); // inside cycle 64 (which ends at 1,016 ns)
        cpu.executeCycles(1);
        assertThat(clock.now()).isEqualTo(1_016);
    }

    @Test
    void eventsFallingDueWhileCyclesRunFireAtTheirOwnTime() {
        CortexMCpu cpu = new CortexMCpu(clock, 64_000_000);
        long[] firedAt = new long[1];
        clock.schedule(500, () -> firedAt[0] = clock.now());
        cpu.executeCycles(64_000);
        assertThat(firedAt[0]).isEqualTo(500);
        assertThat(clock.now()).isEqualTo(1_000_000);
    }

    @Test
    void enteringUserspaceForgetsExceptionsTakenWhileTheKernelRan() {
        CortexM4 core = new CortexM4(clock, new MemoryBus(), 64_000_000, 48, 3);
        core.nvic().enableAll();
        core.interruptLine(2).raise();

        core.cpu().enterUserspace();

        assertThat(core.cpu().takePendingException()).isFalse();
    }

    @Test
    void anInterruptDuringExecutionIsReportedOnce() {
        CortexM4 core = new CortexM4(clock, new MemoryBus(), 64_000_000, 48, 3);
        core.nvic().enableAll();
        clock.schedule(2_000, () -> core.interruptLine(17).raise());
        core.cpu().enterUserspace();

        core.cpu().executeCycles(64_000);

        assertThat(core.cpu().takePendingException()).isTrue();
        assertThat(core.cpu().takePendingException()).isFalse();
    }

    @Test
    void executionStopsAtTheEndOfTheCycleInWhichTheTimesliceExpired() {
        CortexM4 core = new CortexM4(clock, new MemoryBus(), 64_000_000, 48, 3);
        core.systick().start(100); // 6,400 cycles
        core.systick().arm();
        core.cpu().enterUserspace();

        long done = core.cpu().executeCyclesUntilException(1_000_000);

        assertThat(done).isEqualTo(6_400);
        assertThat(clock.now()).isEqualTo(100_000);
        assertThat(core.cpu().takePendingException()).isTrue();
    }

    @Test
    void uninterruptedExecutionRunsEveryCycleAsked() {
        CortexMCpu cpu = new CortexMCpu(clock, 64_000_000);
        clock.schedule(10, () -> {});
        assertThat(cpu.executeCyclesUntilException(640)).isEqualTo(640);
        assertThat(clock.now()).isEqualTo(10_000);
    }
}
