package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.PmModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorFrequency;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorStartup;
import org.tock4j.chips.sam4l.hardware.BpmModel;
import org.tock4j.chips.sam4l.hardware.BscifModel;
import org.tock4j.chips.sam4l.hardware.ClockTree;
import org.tock4j.chips.sam4l.hardware.ClockTree.Bus;
import org.tock4j.chips.sam4l.hardware.ScifModel;
import org.tock4j.chips.sam4l.hardware.TrngModel;
import org.tock4j.kernel.hil.rng.Continue;
import org.tock4j.kernel.hil.uart.Parameters;

/** The clock system: PM masks and dividers, SCIF and BSCIF oscillators, the BPM's 32 kHz selection. */
class PmTests {
    private final Sam4l bare = TestBoard.bareChip();
    private final MemoryBus bus = bare.memory();
    private final ClockTree tree = bare.hardware().clockTree();

    @Test
    void pmResetStateRunsOnRcsysWithTheDatasheetMasks() {
        assertThat(tree.mainHz()).isEqualTo(115_200);
        assertThat(bus.read32(BASE + HSBMASK)).isEqualTo(0x1E2);
        assertThat(bus.read32(BASE + PBAMASK)).isZero();
        assertThat(bus.read32(BASE + PBBMASK)).isEqualTo(0x1);
        assertThat(bus.read32(BASE + PBCMASK)).isEqualTo(0x1F);
        assertThat(bus.read32(BASE + PBDMASK)).isEqualTo(0x3F);
        assertThat(bare.pm().getSystemFrequency()).isEqualTo(115_200);
    }

    @Test
    void pmProtectedRegisterNeedsTheUnlockSequence() {
        bus.write32(BASE + PBAMASK, -1);
        assertThat(bus.read32(BASE + PBAMASK)).isZero();
        assertThat(bus.read32(BASE + SR) & SR_AE).isEqualTo(SR_AE);

        bus.write32(BASE + ICR, SR_AE);
        bus.write32(BASE + UNLOCK, 0xAA00_0000 | PBAMASK);
        bus.write32(BASE + PBAMASK, 1 << PBA_TRNG);
        assertThat(bus.read32(BASE + PBAMASK)).isEqualTo(1 << PBA_TRNG);
        assertThat(bus.read32(BASE + SR) & SR_AE).isZero();

        // The key lets one write through, and only to the register it names.
        bus.write32(BASE + PBAMASK, 0);
        assertThat(bus.read32(BASE + PBAMASK)).isEqualTo(1 << PBA_TRNG);
        bus.write32(BASE + UNLOCK, 0xAA00_0000 | PBBMASK);
        bus.write32(BASE + PBAMASK, 0);
        assertThat(bus.read32(BASE + PBAMASK)).isEqualTo(1 << PBA_TRNG);
    }

    @Test
    void pmGatedPeripheralDoesNotRun() {
        TestBoard board = TestBoard.boot();
        Sam4l chip = board.chip;
        List<Integer> words = new ArrayList<>();
        chip.trng().setClient((it, r) -> {
            it.forEachRemaining(words::add);
            return Continue.More;
        });
        chip.trng().get();
        board.runFor(100_000);
        int before = words.size();
        assertThat(before).isPositive();

        chip.pm().disableClock(Clock.Pba.TRNG);
        board.runFor(1_000_000);
        assertThat(words).hasSize(before);
        assertThat(chip.memory().read32(TrngModel.BASE + TrngModel.ISR)).isZero(); // registers read 0

        chip.pm().enableClock(Clock.Pba.TRNG);
        board.runFor(100_000);
        assertThat(words.size()).isGreaterThan(before);
    }

    @Test
    void aUsartFrameFrozenByAMaskedClockResumesWhereItStopped() {
        TestBoard board = TestBoard.boot();
        Sam4l chip = board.chip;
        Usart uart = chip.usart(0);
        uart.setMode(UsartMode.Uart);
        uart.configure(Parameters.console115200());
        uart.setTransmitClient((b, l, r) -> {});
        uart.transmitBuffer("A".getBytes(), 1);

        chip.clock().advanceTo(40_000);
        chip.pm().disableClock(Clock.Pba.USART0);
        chip.clock().advanceTo(1_040_000);
        assertThat(chip.uartLink(0).transmitted()).isEmpty();
        chip.pm().enableClock(Clock.Pba.USART0);
        board.runUntil(10_000_000);

        // 86875 ns of frame, 1 ms of it frozen
        assertThat(chip.uartLink(0).transmitted()).singleElement()
                .satisfies(b -> assertThat(b.timeNs()).isEqualTo(1_086_875));
    }

    @Test
    void setupSystemClockRunsEveryBusAt48MHzFromThePllOnTheCrystal() {
        bare.peripherals().setupCircularDeps(new ManualDeferredCalls());
        bare.pm().setupSystemClock(new SystemClockSource.PllExternalOscillatorAt48MHz(
                OscillatorFrequency.Frequency16MHz, OscillatorStartup.FastStart), bare.flash());

        assertThat(bus.read32(BASE + MCCTRL)).isEqualTo(MCSEL_PLL);
        assertThat(tree.mainHz()).isEqualTo(48_000_000);
        assertThat(tree.busHz(Bus.PBA)).isEqualTo(48_000_000);
        assertThat(bus.read32(ScifModel.BASE + ScifModel.PCLKSR) & (ScifModel.OSC0RDY | ScifModel.PLL0LOCK))
                .isEqualTo(ScifModel.OSC0RDY | ScifModel.PLL0LOCK);
        assertThat(bare.pm().getSystemFrequency()).isEqualTo(48_000_000);
        assertThat(bare.hardware().bscif().registers().warnings()).isEmpty();
        assertThat(bare.hardware().pm().registers().warnings()).isEmpty();
        assertThat(bare.hardware().scif().registers().warnings()).isEmpty();
    }

    @Test
    void theDfllInClosedLoopMultipliesGclk0FromRc32k() {
        bare.peripherals().setupCircularDeps(new ManualDeferredCalls());
        bare.pm().setupSystemClock(new SystemClockSource.DfllRc32kAt48MHz(), bare.flash());

        assertThat(tree.mainHz()).isEqualTo(1464L * 32_768);
        assertThat(tree.gclkHz(0)).isEqualTo(32_768);
    }

    @Test
    void rc80mDividesTheCpuAndBusClocksBy2() {
        bare.peripherals().setupCircularDeps(new ManualDeferredCalls());
        bare.pm().setupSystemClock(new SystemClockSource.Rc80M(), bare.flash());

        assertThat(tree.mainHz()).isEqualTo(80_000_000);
        assertThat(tree.cpuHz()).isEqualTo(40_000_000);
        assertThat(tree.busHz(Bus.PBA)).isEqualTo(40_000_000);
        assertThat(bare.pm().getSystemFrequency()).isEqualTo(40_000_000);
    }

    @Test
    void changeSystemClockTurnsThePreviousSourceOff() {
        bare.peripherals().setupCircularDeps(new ManualDeferredCalls());
        bare.pm().setupSystemClock(new SystemClockSource.Rcfast(SystemClockSource.RcfastFrequency.Frequency12MHz),
                bare.flash());
        assertThat(tree.mainHz()).isEqualTo(12_000_000);

        bare.pm().changeSystemClock(new SystemClockSource.Rc1M(), bare.flash());

        assertThat(tree.mainHz()).isEqualTo(1_000_000);
        assertThat(bus.read32(ScifModel.BASE + ScifModel.RCFASTCFG) & ScifModel.RCFASTCFG_EN).isZero();
    }

    @Test
    void genericClockDividesItsSourceBy2TimesDivPlus1() {
        bare.scif().genericClockEnableDivided(Scif.GenericClock.GCLK2, Scif.ClockSource.RCSYS, 4);
        assertThat(tree.gclkHz(2)).isEqualTo(115_200 / 10);
        bare.scif().genericClockDisable(Scif.GenericClock.GCLK2);
        assertThat(tree.gclkHz(2)).isZero();
    }

    @Test
    void bpmSelectsTheSourceOfClk32() {
        assertThat(tree.clk32Hz()).isZero(); // OSC32K selected and off
        bare.bscif().enableRc32k();
        assertThat(tree.clk32Hz()).isZero();

        bare.bpm().setCk32Source(Bpm.Ck32Source.RC32K);

        assertThat(tree.clk32Hz()).isEqualTo(32_768);
        assertThat(bus.read32(BpmModel.BASE + BpmModel.PMCON) & BpmModel.PMCON_CK32S).isNotZero();
        assertThat(bus.read32(BscifModel.BASE + BscifModel.PCLKSR) & BscifModel.RC32KRDY).isNotZero();
    }

    @Test
    void bscifWritesNeedTheirUnlockToo() {
        bus.write32(BscifModel.BASE + BscifModel.RC32KCR, BscifModel.RC32KCR_EN);
        assertThat(bare.bscif().rc32kEnabled()).isFalse();
        assertThat(bus.read32(BscifModel.BASE + BscifModel.ISR) & BscifModel.AE).isNotZero();
    }

    @Test
    void maskingTheApbBridgeStopsEveryPeripheralOnItsBus() {
        TestBoard board = TestBoard.boot();
        board.chip.pm().enableClock(Clock.Pba.TRNG);
        assertThat(board.chip.hardware().clockTree().gateOpen(Bus.PBA, PBA_TRNG)).isTrue();

        board.chip.pm().disableClock(Clock.Hsb.APBA);

        assertThat(board.chip.hardware().clockTree().gateOpen(Bus.PBA, PBA_TRNG)).isFalse();
    }

    @Test
    void deepSleepIsReadyOnlyWithoutActivePbaPeripheralsOrGpioInterrupts() {
        TestBoard board = TestBoard.boot();
        PowerManager pm = board.chip.pm();
        assertThat(pm.deepSleepReady()).isTrue();

        pm.enableClock(Clock.Pba.USART0);
        assertThat(pm.deepSleepReady()).isFalse();
        pm.disableClock(Clock.Pba.USART0);

        board.chip.gpioPin('A', 4).enableInterrupts(org.tock4j.kernel.hil.gpio.InterruptEdge.RisingEdge);
        assertThat(pm.deepSleepReady()).isFalse();
    }
}
