package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.RtcModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.nrf5x.Rtc;
import org.tock4j.kernel.hil.time.Ticks;

class RtcTests {
    private static final int BASE = Nrf52840MemoryMap.RTC1_BASE;
    /** The first whole nanosecond at which tick 100 has happened: ceil(100 / 32768 s). */
    private static final long TICK_100_NS = 3_051_758;

    private final Nrf52840 chip = new Nrf52840();
    private final Rtc rtc = chip.rtc1();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final List<Long> alarms = new ArrayList<>();

    private Ticks ticks(long v) {
        return Ticks.of(v, 24);
    }

    @Test
    void theCounterRunsAt32768HzDerivedExactlyFromVirtualTime() {
        rtc.start();

        clock.advanceTo(30_517);
        assertThat(rtc.now()).isEqualTo(ticks(0));
        clock.advanceTo(30_518);
        assertThat(rtc.now()).isEqualTo(ticks(1));
        clock.advanceTo(3_600_000_000_000L);
        assertThat(rtc.now()).isEqualTo(ticks(3_600L * 32_768 % (1 << 24)));
        assertThat(rtc.frequency()).isEqualTo(32_768);
    }

    @Test
    void rtcCounterWrapsAt24Bits() {
        rtc.start();
        clock.advanceTo(512_000_000_000L - 1); // 2^24 ticks take exactly 512 s
        assertThat(rtc.now().value()).isEqualTo(0xFF_FFFF);

        clock.advanceTo(512_000_000_000L);
        assertThat(rtc.now().value()).isZero();
        assertThat(rtc.now().width()).isEqualTo(24);
    }

    @Test
    void trigovrflwSetsTheCounterJustBelowTheWrap() {
        rtc.start();
        bus.write32(BASE + TASKS_TRIGOVRFLW, 1);
        assertThat(bus.read32(BASE + COUNTER)).isEqualTo(0xFF_FFF0);

        clock.advanceBy(16L * 1_000_000_000 / 32_768 + 1);
        assertThat(bus.read32(BASE + COUNTER)).isZero();
    }

    @Test
    void aCompareEventFiresAtTheExactTickTheCounterReachesCc() {
        bus.write32(BASE + CC, 100);
        bus.write32(BASE + INTENSET, INT_COMPARE0);
        rtc.start();

        clock.advanceTo(TICK_100_NS - 1);
        assertThat(bus.read32(BASE + EVENTS_COMPARE)).isZero();
        assertThat(chip.hasPendingInterrupts()).isFalse();

        clock.advanceTo(TICK_100_NS);
        assertThat(bus.read32(BASE + EVENTS_COMPARE)).isEqualTo(1);
        assertThat(chip.hasPendingInterrupts()).isTrue();
    }

    @Test
    void aCcEqualToTheCounterMatchesOnlyAfterAFullWrap() {
        rtc.start();
        bus.write32(BASE + INTENSET, INT_COMPARE0);
        bus.write32(BASE + CC, 0);

        clock.advanceTo(511_000_000_000L);
        assertThat(bus.read32(BASE + EVENTS_COMPARE)).isZero();
        clock.advanceTo(512_000_000_000L);
        assertThat(bus.read32(BASE + EVENTS_COMPARE)).isEqualTo(1);
    }

    @Test
    void theAlarmClientIsCalledFromServicePendingInterrupts() {
        rtc.start();
        rtc.setAlarmClient(() -> alarms.add(clock.now()));
        rtc.setAlarm(rtc.now(), ticks(100));
        assertThat(rtc.isArmed()).isTrue();
        assertThat(rtc.getAlarm()).isEqualTo(ticks(100));

        clock.advanceTo(10_000_000);
        assertThat(alarms).isEmpty();
        chip.servicePendingInterrupts();

        assertThat(alarms).containsExactly(10_000_000L);
        assertThat(rtc.isArmed()).isFalse();
    }

    @Test
    void aSleepingChipWakesAtTheAlarmTick() {
        rtc.start();
        rtc.setAlarmClient(() -> alarms.add(clock.now()));
        rtc.setAlarm(rtc.now(), ticks(100));

        KernelLoopStandIn.runUntil(chip, 1_000_000_000);

        assertThat(alarms).containsExactly(TICK_100_NS);
    }

    @Test
    void anAlarmTooCloseToNowFiresTwoTicksFromNow() {
        rtc.start();
        clock.advanceTo(1_000_000_000);
        Ticks now = rtc.now();

        rtc.setAlarm(now, ticks(1));
        assertThat(rtc.getAlarm()).isEqualTo(now.wrappingAdd(ticks(2)));

        rtc.setAlarm(now, ticks(2));
        assertThat(rtc.getAlarm()).isEqualTo(now.wrappingAdd(ticks(2)));

        rtc.setAlarm(now, ticks(3));
        assertThat(rtc.getAlarm()).isEqualTo(now.wrappingAdd(ticks(3)));
    }

    @Test
    void anAlarmWhoseTimeHasPassedFiresTwoTicksFromNow() {
        rtc.start();
        clock.advanceTo(1_000_000_000);
        Ticks now = rtc.now();

        rtc.setAlarm(now.wrappingSub(ticks(50)), ticks(10));

        assertThat(rtc.getAlarm()).isEqualTo(now.wrappingAdd(ticks(2)));
    }

    @Test
    void anAlarmAcrossTheWrapFiresAfterTheCounterWraps() {
        rtc.start();
        bus.write32(BASE + TASKS_TRIGOVRFLW, 1);
        rtc.setAlarmClient(() -> alarms.add((long) rtc.now().intoU32()));

        rtc.setAlarm(rtc.now(), ticks(0x20));
        assertThat(rtc.getAlarm()).isEqualTo(ticks(0x10));
        KernelLoopStandIn.runUntil(chip, 1_000_000_000);

        assertThat(alarms).containsExactly(0x10L);
    }

    @Test
    void aDisarmedAlarmNeverCallsTheClient() {
        rtc.start();
        rtc.setAlarmClient(() -> alarms.add(clock.now()));
        rtc.setAlarm(rtc.now(), ticks(100));

        assertThat(rtc.disarm().isOk()).isTrue();
        KernelLoopStandIn.runUntil(chip, 1_000_000_000);

        assertThat(alarms).isEmpty();
        assertThat(rtc.isArmed()).isFalse();
    }

    @Test
    void theMinimumDtIsTenTicks() {
        assertThat(rtc.minimumDt()).isEqualTo(ticks(10));
    }

    @Test
    void aStoppedCounterHoldsItsValueAndClearResetsIt() {
        rtc.start();
        clock.advanceTo(1_000_000_000);
        rtc.stop();
        clock.advanceTo(2_000_000_000);
        assertThat(rtc.now()).isEqualTo(ticks(32_768));
        assertThat(rtc.isRunning()).isFalse();

        rtc.reset();
        assertThat(rtc.now()).isEqualTo(ticks(0));
    }

    @Test
    void thePrescalerDividesTheCounterClockAndIsIgnoredWhileRunning() {
        bus.write32(BASE + PRESCALER, 1);
        bus.write32(BASE + TASKS_START, 1);
        clock.advanceTo(1_000_000_000);
        assertThat(bus.read32(BASE + COUNTER)).isEqualTo(16_384);

        bus.write32(BASE + PRESCALER, 7);

        assertThat(bus.read32(BASE + PRESCALER)).isEqualTo(1);
        assertThat(chip.hardware().rtc1().registers().warnings())
                .containsExactly("PRESCALER written while the RTC runs; ignored (stop it first)");
    }

    @Test
    void theOverflowInterruptCallsTheOverflowClientAndClearsTheEvent() {
        List<Long> overflows = new ArrayList<>();
        rtc.setOverflowClient(() -> overflows.add(clock.now()));
        rtc.start();
        bus.write32(BASE + TASKS_TRIGOVRFLW, 1);

        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(overflows).containsExactly(488_282L); // ceil(16 / 32768 s)
        assertThat(bus.read32(BASE + EVENTS_OVRFLW)).isZero();
    }

    @Test
    void rtc0HasThreeCompareRegistersAndRtc2Four() {
        assertThat(chip.hardware().rtc0().registers().registerAt(Nrf52840MemoryMap.RTC0_BASE + CC + 8)).isPresent();
        assertThat(chip.hardware().rtc0().registers().registerAt(Nrf52840MemoryMap.RTC0_BASE + CC + 12)).isEmpty();
        assertThat(chip.hardware().rtc2().registers().registerAt(Nrf52840MemoryMap.RTC2_BASE + CC + 12)).isPresent();
    }

    @Test
    void rtc0AndRtc2AreAlarmsOnTheirOwnCountersAndInterrupts() {
        Rtc rtc0 = chip.rtc0();
        Rtc rtc2 = chip.rtc2();
        List<String> fired = new ArrayList<>();
        rtc0.setAlarmClient(() -> fired.add("RTC0@" + clock.now()));
        rtc2.setAlarmClient(() -> fired.add("RTC2@" + clock.now()));
        rtc0.start();
        clock.advanceTo(1_000_000_000);
        rtc2.start();

        rtc0.setAlarm(rtc0.now(), ticks(100));
        rtc2.setAlarm(rtc2.now(), ticks(100));
        KernelLoopStandIn.runUntil(chip, 2_000_000_000L);

        assertThat(rtc0.now()).isNotEqualTo(rtc2.now());
        long expected = 1_000_000_000 + TICK_100_NS;
        assertThat(fired).containsExactly("RTC0@" + expected, "RTC2@" + expected);
        assertThat(rtc.isArmed()).isFalse();
    }

    @Test
    void aDroppedCompareInterruptLosesTheAlarmUntilTheNextSetAlarmClearsTheEvent() {
        rtc.start();
        rtc.setAlarmClient(() -> alarms.add(clock.now()));
        chip.faults().dropNextInterrupt("RTC1");
        rtc.setAlarm(rtc.now(), ticks(100));

        KernelLoopStandIn.runUntil(chip, 1_000_000_000);

        // EVENTS_COMPARE is set and the line asserted, but the NVIC never saw it: nobody hears the alarm.
        assertThat(alarms).isEmpty();
        assertThat(bus.read32(BASE + EVENTS_COMPARE)).isEqualTo(1);
        assertThat(chip.nvic().isPending(org.tock4j.chips.nrf5x.PeripheralInterrupts.RTC1)).isFalse();
        assertThat(chip.faults().droppedInterrupts("RTC1")).isEqualTo(1);

        // Tock's set_alarm clears EVENTS_COMPARE: the line falls, and the next compare interrupts again.
        rtc.setAlarm(rtc.now(), ticks(100));
        long armedAt = clock.now();
        KernelLoopStandIn.runUntil(chip, 2_000_000_000);
        assertThat(alarms).singleElement().satisfies(t -> assertThat(t).isBetween(armedAt, armedAt + TICK_100_NS));
    }
}
