package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.TimerModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.nrf5x.Timer;
import org.tock4j.chips.nrf5x.TimerAlarm;
import org.tock4j.kernel.hil.time.Ticks;

class TimerTests {
    private static final int TIMER2 = Nrf52840MemoryMap.TIMER2_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final List<Long> fired = new ArrayList<>();

    private int capture(int base, int channel) {
        bus.write32(base + TASKS_CAPTURE + 4 * channel, 1);
        return bus.read32(base + CC + 4 * channel);
    }

    @Test
    void theTimerTicksAt16MhzOverTwoToThePrescaler() {
        bus.write32(TIMER2 + BITMODE, BITMODE_32);
        bus.write32(TIMER2 + PRESCALER, 0);
        bus.write32(TIMER2 + TASKS_START, 1);
        clock.advanceTo(1_000);
        assertThat(capture(TIMER2, 0)).isEqualTo(16);

        bus.write32(TIMER2 + TASKS_STOP, 1);
        bus.write32(TIMER2 + TASKS_CLEAR, 1);
        bus.write32(TIMER2 + PRESCALER, 4); // 1 MHz, the reset value
        bus.write32(TIMER2 + TASKS_START, 1);
        clock.advanceBy(1_000_000_000);
        assertThat(capture(TIMER2, 0)).isEqualTo(1_000_000);
    }

    @Test
    void timerCompareFiresAtPrescaledTick() {
        bus.write32(TIMER2 + PRESCALER, 3); // 2 MHz: a tick every 500 ns
        bus.write32(TIMER2 + CC + 4 * 2, 1_000);
        bus.write32(TIMER2 + INTENSET, INT_COMPARE0 << 2);
        bus.write32(TIMER2 + TASKS_START, 1);

        clock.advanceTo(500_000 - 1);
        assertThat(bus.read32(TIMER2 + EVENTS_COMPARE + 8)).isZero();
        clock.advanceTo(500_000);

        assertThat(bus.read32(TIMER2 + EVENTS_COMPARE + 8)).isEqualTo(1);
        assertThat(chip.nvic().isPending(10)).isTrue(); // TIMER2
    }

    @Test
    void bitmodeSetsWhereTheCounterWraps() {
        bus.write32(TIMER2 + BITMODE, BITMODE_08);
        bus.write32(TIMER2 + PRESCALER, 0);
        bus.write32(TIMER2 + TASKS_START, 1);

        clock.advanceTo(300L * 1_000 / 16); // 300 ticks
        assertThat(capture(TIMER2, 0)).isEqualTo(300 - 256);
    }

    @Test
    void bitmodeAndPrescalerWrittenWhileRunningAreIgnored() {
        bus.write32(TIMER2 + TASKS_START, 1);
        bus.write32(TIMER2 + BITMODE, BITMODE_32);
        bus.write32(TIMER2 + PRESCALER, 0);

        assertThat(bus.read32(TIMER2 + BITMODE)).isEqualTo(BITMODE_16);
        assertThat(bus.read32(TIMER2 + PRESCALER)).isEqualTo(PRESCALER_RESET);
        assertThat(chip.hardware().timer(2).registers().warnings()).containsExactly(
                "BITMODE written while the timer runs; ignored (stop it first)",
                "PRESCALER written while the timer runs; ignored (stop it first)");
    }

    @Test
    void theCompareClearShortcutGivesAPeriodOfCcTicks() {
        bus.write32(TIMER2 + CC, 100); // 100 µs at 1 MHz
        bus.write32(TIMER2 + SHORTS, SHORTS_COMPARE0_CLEAR);
        bus.write32(TIMER2 + INTENSET, INT_COMPARE0);
        bus.write32(TIMER2 + TASKS_START, 1);
        chip.timer2().setClient(mask -> {
            fired.add(clock.now());
            chip.timer2().enableCompareInterrupt(0); // the handler disabled it
        });

        KernelLoopStandIn.runUntil(chip, 350_000);

        assertThat(fired).containsExactly(100_000L, 200_000L, 300_000L);
    }

    @Test
    void theCompareStopShortcutStopsTheTimer() {
        bus.write32(TIMER2 + CC + 4, 10);
        bus.write32(TIMER2 + SHORTS, SHORTS_COMPARE0_STOP << 1);
        bus.write32(TIMER2 + TASKS_START, 1);

        clock.advanceTo(1_000_000);

        assertThat(chip.hardware().timer(2).isRunning()).isFalse();
        assertThat(capture(TIMER2, 0)).isEqualTo(10);
        assertThat(bus.read32(TIMER2 + EVENTS_COMPARE + 4)).isEqualTo(1);
    }

    @Test
    void counterModeCountsCountTasksAndComparesOnEach() {
        bus.write32(TIMER2 + MODE, MODE_COUNTER);
        bus.write32(TIMER2 + CC + 4 * 3, 3);
        bus.write32(TIMER2 + TASKS_START, 1);
        for (int i = 0; i < 3; i++) {
            clock.advanceBy(1_000_000);
            bus.write32(TIMER2 + TASKS_COUNT, 1);
        }

        assertThat(capture(TIMER2, 0)).isEqualTo(3);
        assertThat(bus.read32(TIMER2 + EVENTS_COMPARE + 12)).isEqualTo(1);
    }

    @Test
    void timer3AndTimer4HaveSixCcRegistersTheOthersFour() {
        assertThat(chip.hardware().timer(2).ccCount()).isEqualTo(4);
        assertThat(chip.hardware().timer(3).ccCount()).isEqualTo(6);
        int timer4 = Nrf52840MemoryMap.TIMER4_BASE;
        bus.write32(timer4 + TASKS_START, 1);
        clock.advanceBy(5_000);
        assertThat(capture(timer4, 5)).isEqualTo(5);
        assertThat(bus.read32(TIMER2 + CC + 4 * 5)).isZero(); // TIMER2 has no CC[5]
    }

    @Test
    void theTimerDriverTellsItsClientWhichComparesFired() {
        Timer timer = chip.timer3();
        List<Integer> masks = new ArrayList<>();
        timer.setClient(masks::add);
        timer.setPrescaler(0);
        timer.setBitmode(Timer.Bitmode.Size32Bits);
        timer.setCc(0, 160);
        timer.setCc(1, 160);
        timer.enableCompareInterrupt(0);
        timer.enableCompareInterrupt(1);
        timer.start();

        KernelLoopStandIn.runUntil(chip, 100_000);

        assertThat(masks).containsExactly(0b11);
        assertThat(timer.capture(2)).isEqualTo(100_000 * 16 / 1_000);
    }

    @Test
    void theTimerAlarmFiresAtItsExpiryOnAOneMegahertzCounter() {
        TimerAlarm alarm = chip.timer1();
        alarm.setAlarmClient(() -> fired.add(clock.now()));
        assertThat(alarm.frequency()).isEqualTo(1_000_000);

        alarm.setAlarm(alarm.now(), alarm.ticksFromUs(250));
        assertThat(alarm.isArmed()).isTrue();
        assertThat(alarm.getAlarm()).isEqualTo(Ticks.of(250, 32));
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(fired).containsExactly(250_000L);
        assertThat(alarm.isArmed()).isFalse();
    }

    @Test
    void theTimerAlarmStopsAndClearsItsTimerWhenItFiresAsTocksDoes() {
        TimerAlarm alarm = chip.timer0();
        alarm.setAlarmClient(() -> fired.add(clock.now()));
        alarm.setAlarm(alarm.now(), Ticks.of(100, 32));
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(fired).containsExactly(100_000L);
        assertThat(alarm.now()).isEqualTo(Ticks.of(0, 32));
        assertThat(chip.hardware().timer(0).isRunning()).isFalse();
    }

    @Test
    void aTimerAlarmWhoseTimeHasPassedFiresTwoTicksFromNow() {
        TimerAlarm alarm = chip.timer1();
        alarm.setAlarm(alarm.now(), Ticks.of(1_000_000, 32));
        clock.advanceTo(500_000);
        Ticks now = alarm.now();

        alarm.setAlarm(now.wrappingSub(Ticks.of(50, 32)), Ticks.of(10, 32));

        assertThat(alarm.getAlarm()).isEqualTo(now.wrappingAdd(Ticks.of(2, 32)));
        assertThat(alarm.minimumDt()).isEqualTo(Ticks.of(10, 32));
    }

    @Test
    void aDisarmedTimerAlarmNeverCallsTheClient() {
        TimerAlarm alarm = chip.timer1();
        alarm.setAlarmClient(() -> fired.add(clock.now()));
        alarm.setAlarm(alarm.now(), Ticks.of(100, 32));
        assertThat(alarm.disarm().isOk()).isTrue();

        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(fired).isEmpty();
    }

    @Test
    void timer4ReportsItsFifthAndSixthComparesToo() {
        Timer timer = chip.timer4();
        List<Integer> masks = new ArrayList<>();
        timer.setClient(masks::add);
        timer.setCc(5, 3);
        timer.enableCompareInterrupt(5);
        timer.start();

        KernelLoopStandIn.runUntil(chip, 10_000);

        assertThat(masks).containsExactly(1 << 5);
        assertThat(bus.read32(Nrf52840MemoryMap.TIMER4_BASE + EVENTS_COMPARE + 4 * 5)).isZero();
    }
}
