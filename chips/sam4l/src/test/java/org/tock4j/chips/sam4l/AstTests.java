package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.AstModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.sam4l.hardware.PmModel;
import org.tock4j.kernel.hil.time.Ticks;

class AstTests {
    /** One AST tick at 32768 Hz / 2: 61035.15625 ns. */
    private static final long TICK_NS_TIMES_64 = 3_906_250;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final Ast ast = chip.ast();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final List<Long> alarms = new ArrayList<>();

    private static Ticks ticks(long v) {
        return Ticks.of(v, 32);
    }

    /** The first whole nanosecond at which {@code n} ticks have passed since {@code startNs}. */
    private static long tickTime(long startNs, long n) {
        return startNs + Math.ceilDiv(n * TICK_NS_TIMES_64, 64);
    }

    @BeforeEach
    void configure() {
        ast.configure(() -> alarms.add(clock.now()));
    }

    @Test
    void astCountsClk32PrescaledBy2AsTockConfiguresIt() {
        ast.start();
        long start = clock.now();

        clock.advanceTo(tickTime(start, 1) - 1);
        assertThat(ast.now()).isEqualTo(ticks(0));
        clock.advanceTo(tickTime(start, 1));
        assertThat(ast.now()).isEqualTo(ticks(1));
        clock.advanceTo(start + 1_000_000_000L);
        assertThat(ast.now()).isEqualTo(ticks(16_384));
        assertThat(bus.read32(BASE + CLOCK)).isEqualTo(CSSEL_CLK32 << CLOCK_CSSEL_SHIFT | CLOCK_CEN);
        assertThat(bus.read32(BASE + CR) & CR_PSEL_MASK).isZero();
    }

    @Test
    void astReportsTocksFreq16KHzSoMillisecondsRunShort() {
        assertThat(ast.frequency()).isEqualTo(16_000);
        assertThat(ast.ticksFromMs(1000)).isEqualTo(ticks(16_000));
        assertThat(ast.now().width()).isEqualTo(32);
    }

    @Test
    void astCounterIs32Bits() {
        ast.start();
        bus.write32(BASE + CV, 0xFFFF_FFFE);
        long start = clock.now();

        clock.advanceTo(tickTime(start, 1));
        assertThat(ast.now().value()).isEqualTo(0xFFFF_FFFFL);
        clock.advanceTo(tickTime(start, 2));
        assertThat(ast.now().value()).isZero();
        assertThat(bus.read32(BASE + SR) & OVF).isEqualTo(OVF);
    }

    @Test
    void astAlarmFiresAtPrescaledTick() {
        ast.start();
        long start = clock.now();
        ast.setAlarm(ast.now(), ticks(100));
        assertThat(ast.getAlarm()).isEqualTo(ticks(100));
        assertThat(ast.isArmed()).isTrue();

        board.runUntil(1_000_000_000);

        assertThat(alarms).containsExactly(tickTime(start, 100));
        assertThat(ast.isArmed()).isFalse();
        assertThat(bus.read32(BASE + SR) & ALARM0).isZero();
    }

    @Test
    void theAlarmClientIsCalledOnlyFromServicePendingInterrupts() {
        ast.start();
        ast.setAlarm(ast.now(), ticks(100));

        clock.advanceTo(10_000_000);
        assertThat(alarms).isEmpty();
        assertThat(chip.hasPendingInterrupts()).isTrue();

        chip.servicePendingInterrupts();
        assertThat(alarms).containsExactly(10_000_000L);
    }

    @Test
    void anAlarmAtMostEightTicksAwayFiresEightTicksFromNow() {
        ast.start();
        clock.advanceTo(1_000_000_000);
        Ticks now = ast.now();

        ast.setAlarm(now, ticks(8));
        assertThat(ast.getAlarm()).isEqualTo(now.wrappingAdd(ticks(8)));
        ast.setAlarm(now, ticks(3));
        assertThat(ast.getAlarm()).isEqualTo(now.wrappingAdd(ticks(8)));
        ast.setAlarm(now, ticks(9));
        assertThat(ast.getAlarm()).isEqualTo(now.wrappingAdd(ticks(9)));
        assertThat(ast.minimumDt()).isEqualTo(ticks(8));
    }

    @Test
    void anAlarmWhoseTimeHasPassedFiresEightTicksFromNow() {
        ast.start();
        clock.advanceTo(1_000_000_000);
        Ticks now = ast.now();

        ast.setAlarm(now.wrappingSub(ticks(100)), ticks(50));

        assertThat(ast.getAlarm()).isEqualTo(now.wrappingAdd(ticks(8)));
    }

    @Test
    void anAlarmAcrossTheWrapFiresAfterTheCounterWraps() {
        ast.start();
        bus.write32(BASE + CV, 0xFFFF_FFF0);
        ast.setAlarmClient(() -> alarms.add(ast.now().value()));

        ast.setAlarm(ast.now(), ticks(0x20));
        assertThat(ast.getAlarm()).isEqualTo(ticks(0x10));
        board.runUntil(1_000_000_000);

        assertThat(alarms).containsExactly(0x10L);
    }

    @Test
    void aDisarmedAlarmNeverCallsTheClient() {
        ast.start();
        ast.setAlarm(ast.now(), ticks(100));

        assertThat(ast.disarm().isOk()).isTrue();
        board.runUntil(1_000_000_000);

        assertThat(alarms).isEmpty();
        assertThat(ast.isArmed()).isFalse();
    }

    @Test
    void settingAnAlarmStartsTheCounterAsTockDoes() {
        assertThat(ast.isRunning()).isFalse();
        ast.setAlarm(ast.now(), ticks(50));
        assertThat(ast.isRunning()).isTrue();
    }

    @Test
    void aStoppedCounterHoldsItsValueAndResetClearsIt() {
        ast.start();
        clock.advanceTo(1_000_000_000);
        ast.stop();
        Ticks held = ast.now();
        clock.advanceTo(2_000_000_000);
        assertThat(ast.now()).isEqualTo(held);

        ast.reset();
        assertThat(ast.now()).isEqualTo(ticks(0));
    }

    @Test
    void astDoesNotCountWithoutItsClk32Source() {
        Sam4l bare = TestBoard.bareChip(); // RC32K off, CLK_32 from the (disabled) OSC32K
        bare.ast().configure(() -> {});
        bare.ast().start();

        bare.clock().advanceTo(1_000_000_000);

        assertThat(bare.ast().now()).isEqualTo(ticks(0));
        assertThat(bare.hardware().ast().sourceHz()).isZero();
    }

    @Test
    void thePrescalerDividesClk32By2PowerPselPlus1() {
        bus.write32(BASE + CR, 3 << CR_PSEL_SHIFT | CR_EN);
        long start = clock.now();

        clock.advanceTo(start + 1_000_000_000L);

        assertThat(bus.read32(BASE + CV)).isEqualTo(32_768 / 16);
    }

    @Test
    void maskingThePbdClockFreezesTheRegistersButNotTheCounter() {
        ast.start();
        clock.advanceTo(500_000_000);
        chip.pm().disableClock(Clock.Pbd.AST);

        assertThat(bus.read32(BASE + CV)).isZero();
        clock.advanceTo(1_000_000_000);
        chip.pm().enableClock(Clock.Pbd.AST);

        assertThat(ast.now()).isEqualTo(ticks(16_384));
        assertThat(chip.hardware().ast().registers().warnings())
                .contains("read while its clock is masked in the PM returns 0");
    }

    @Test
    void periodicEventSetsPer0Every2PowerInselPlus1SourceCycles() {
        ast.start();
        bus.write32(BASE + PIR0, 14); // 2^15 cycles of 32768 Hz: every second
        bus.write32(BASE + SCR, PER0);
        long start = clock.now();

        clock.advanceTo(start + 999_999_999);
        assertThat(bus.read32(BASE + SR) & PER0).isZero();
        clock.advanceTo(start + 1_000_000_000);
        assertThat(bus.read32(BASE + SR) & PER0).isEqualTo(PER0);
    }

    @Test
    void writesCrossIntoTheAstClockDomainAtOnce() {
        ast.start();
        int sr = bus.read32(BASE + SR);
        assertThat(sr & (BUSY | CLKBUSY)).isZero();
        assertThat(sr & (READY | CLKRDY)).isEqualTo(READY | CLKRDY);
        assertThat(chip.pm().isClockEnabled(Clock.Pbd.AST)).isTrue();
        assertThat(bus.read32(PmModel.BASE + PmModel.PBDMASK) & 1 << PmModel.PBD_AST).isNotZero();
    }

    @Test
    void aDroppedAlarmInterruptLosesTheAlarmUntilTheNextSetAlarmClearsIt() {
        ast.start();
        long start = clock.now();
        chip.faults().dropNextInterrupt("AST");
        ast.setAlarm(ast.now(), ticks(100));

        board.runUntil(1_000_000_000);

        // SR.ALARM0 is set and the line asserted, but the NVIC never saw it.
        assertThat(alarms).isEmpty();
        assertThat(bus.read32(BASE + SR) & ALARM0).isEqualTo(ALARM0);
        assertThat(ast.isArmed()).isTrue();
        assertThat(chip.faults().droppedInterrupts("AST")).isEqualTo(1);
        assertThat(tickTime(start, 100)).isLessThan(1_000_000_000L);

        // Tock's set_alarm clears ALARM0 first: the line falls, and the new alarm interrupts.
        ast.setAlarm(ast.now(), ticks(100));
        board.runUntil(2_000_000_000);
        assertThat(alarms).hasSize(1);
    }
}
