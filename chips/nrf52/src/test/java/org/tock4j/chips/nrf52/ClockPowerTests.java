package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.chips.nrf52.hardware.ClockPowerModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.KernelPanic;

class ClockPowerTests {
    private static final int BASE = Nrf52840MemoryMap.CLOCK_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final Clock clock = chip.clockPeripheral();
    private final Power power = chip.power();
    private final VirtualClock time = chip.clock();
    private final MemoryBus bus = chip.memory();

    @Test
    void hfclkstartedFollowsHfclkstartAfterTheHfxoStartupTime() {
        clock.highStart();
        assertThat(bus.read32(BASE + HFCLKRUN)).isEqualTo(1);
        assertThat(clock.highRunning()).isFalse();
        assertThat(clock.highSource()).isEqualTo(Clock.HighClockSource.RC);

        time.advanceTo(HFXO_STARTUP_NS - 1);
        assertThat(clock.highStarted()).isFalse();
        time.advanceTo(HFXO_STARTUP_NS);

        assertThat(clock.highStarted()).isTrue();
        assertThat(clock.highRunning()).isTrue();
        assertThat(clock.highSource()).isEqualTo(Clock.HighClockSource.XTAL);
    }

    @Test
    void hfclkstopReturnsToTheInternalOscillatorAndCancelsAStart() {
        clock.highStart();
        time.advanceTo(100_000);
        clock.highStop();
        time.advanceTo(1_000_000);

        assertThat(clock.highStarted()).isFalse();
        assertThat(bus.read32(BASE + HFCLKSTAT)).isZero();
        assertThat(bus.read32(BASE + HFCLKRUN)).isZero();
    }

    @Test
    void lfclkStartupTimeDependsOnTheSelectedSource() {
        clock.lowStart(); // LFRC after reset
        time.advanceTo(LFRC_STARTUP_NS);
        assertThat(clock.lowStarted()).isTrue();
        assertThat(clock.lowSource()).isEqualTo(Clock.LowClockSource.RC);
        clock.lowStop();
        bus.write32(BASE + EVENTS_LFCLKSTARTED, 0);

        clock.lowSetSource(Clock.LowClockSource.XTAL);
        clock.lowStart();
        time.advanceBy(LFXO_STARTUP_NS - 1);
        assertThat(clock.lowStarted()).isFalse();
        time.advanceBy(1);

        assertThat(clock.lowStarted()).isTrue();
        assertThat(clock.lowRunning()).isTrue();
        assertThat(clock.lowSource()).isEqualTo(Clock.LowClockSource.XTAL);
        assertThat(bus.read32(BASE + LFCLKSRCCOPY)).isEqualTo(LFCLK_SRC_XTAL);
    }

    @Test
    void lfclksrcIsTakenOnlyWhileTheLfclkIsStopped() {
        clock.lowStart();
        clock.lowSetSource(Clock.LowClockSource.SYNTH);

        assertThat(bus.read32(BASE + LFCLKSRC)).isEqualTo(LFCLK_SRC_RC);
        assertThat(chip.hardware().clockPower().registers().warnings())
                .containsExactly("LFCLKSRC written while the LFCLK runs; ignored (stop it first)");
    }

    @Test
    void awaitingTheClocksAsTocksBoardsDoBurnsCoreTimeUntilTheyStart() {
        clock.lowSetSource(Clock.LowClockSource.XTAL);
        clock.lowStart();
        clock.highStart();

        clock.awaitLowStarted();
        clock.awaitHighStarted();

        assertThat(time.now()).isBetween(LFXO_STARTUP_NS, LFXO_STARTUP_NS + 100);
        assertThat(clock.highStarted()).isTrue();
    }

    @Test
    void awaitingAClockNobodyStartedIsAKernelPanicNotAHang() {
        assertThatThrownBy(clock::awaitHighStarted).isInstanceOf(KernelPanic.class)
                .hasMessageContaining("HFCLKSTARTED");
    }

    @Test
    void anEnabledClockEventInterruptsAndItsClientHearsFromServicePendingInterrupts() {
        List<Long> events = new ArrayList<>();
        clock.setClient(() -> events.add(time.now()));
        clock.interruptEnable(Clock.InterruptField.HFCLKSTARTED);
        clock.highStart();

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(events).containsExactly(HFXO_STARTUP_NS);
        assertThat(clock.highStarted()).isFalse(); // the handler cleared the event
    }

    @Test
    void interruptDisableClearsTheInterruptEnable() {
        clock.interruptEnable(Clock.InterruptField.LFCLKSTARTED);
        clock.interruptDisable(Clock.InterruptField.LFCLKSTARTED);
        assertThat(bus.read32(BASE + INTENSET)).isZero();
    }

    @Test
    void resetreasIsZeroAfterPowerOnAndBitsClearByWritingOnes() {
        assertThat(power.resetReason()).isZero();
        chip.hardware().clockPower().recordResetReason(RESETREAS_RESETPIN | RESETREAS_SREQ);
        assertThat(power.resetReason()).isEqualTo(RESETREAS_RESETPIN | RESETREAS_SREQ);

        power.clearResetReason(RESETREAS_SREQ);

        assertThat(power.resetReason()).isEqualTo(RESETREAS_RESETPIN);
    }

    @Test
    void powerReportsNormalSupplyNoUsbAndKeepsGpregret() {
        assertThat(power.getMainSupplyStatus()).isEqualTo(MainVoltage.Normal);
        assertThat(power.isVbusPresent()).isFalse();
        assertThat(power.isUsbPowerReady()).isFalse();
        power.setGpregret(0x1B7);
        assertThat(power.getGpregret()).isEqualTo(0xB7);
    }

    @Test
    void thePowerHandlerDisablesEveryInterruptOfTheBlockThenEnablesTheUsbOnes() {
        power.enableInterrupt(INT_POFWARN | INT_HFCLKSTARTED);

        power.handleInterrupt();

        assertThat(bus.read32(BASE + INTENSET)).isEqualTo(INT_USBDETECTED | INT_USBREMOVED | INT_USBPWRRDY);
    }

    @Test
    void theRegistersTocksStartupWritesForErrataAreDeclaredUnmodelled() {
        bus.write32(BASE + 0x53C, 1);
        bus.write32(BASE + 0x5A0, 3);
        bus.write32(BASE + 0xEE4, 0x4F);

        assertThat(chip.hardware().clockPower().registers().warnings()).isEmpty();
        assertThat(chip.hardware().clockPower().registers().unmodelledTouched()).hasSize(3);
    }
}
