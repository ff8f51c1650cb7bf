package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.SpimModel.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SpiDevice;
import org.tock4j.chips.nrf52.hardware.SharedInstanceSlot;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.spi.ClockPhase;
import org.tock4j.kernel.hil.spi.ClockPolarity;
import org.tock4j.kernel.hil.spi.SpiMaster;

class SpimTests {
    private static final int BASE = Nrf52840MemoryMap.SPIM0_TWIM0_BASE;
    private static final int CS = 17;

    private final Nrf52840 chip = new Nrf52840();
    private final VirtualClock clock = chip.clock();
    private final MemoryBus bus = chip.memory();
    private final Spim spim = chip.spim0();
    private final PinWire chipSelect = chip.pin(0, CS);
    private final List<String> completions = new ArrayList<>();
    private final List<String> deviceLog = new ArrayList<>();

    /** Answers each byte with its complement, logging what it sees. */
    private final SpiDevice device = new SpiDevice() {
        @Override
        public byte exchange(byte mosi) {
            deviceLog.add(mosi + "@" + clock.now());
            return (byte) ~mosi;
        }

        @Override
        public void selected() {
            deviceLog.add("CS low@" + clock.now());
        }

        @Override
        public void deselected() {
            deviceLog.add("CS high@" + clock.now());
        }
    };

    @BeforeEach
    void aDeviceOnChipSelectP017At1Mhz() {
        chip.spiBus(0).attach(chipSelect, device);
        spim.configure(20, 21, 19);
        assertThat(spim.specifyChipSelect(CS).isOk()).isTrue();
        assertThat(spim.setRate(1_000_000)).isEqualTo(Result.ok(1_000_000));
        spim.setClient((write, read, status) -> completions.add(status + "@" + clock.now()));
        deviceLog.clear(); // making the chip select an output glitched it low, as on the silicon
    }

    @Test
    void spimExchangesBytesWithAttachedDevice() {
        byte[] tx = {1, 2, 3};
        byte[] rx = new byte[3];

        assertThat(spim.readWriteBytes(tx, rx, 3).isOk()).isTrue();
        assertThat(spim.isBusy()).isTrue();
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        // 8 clocks per byte at 1 MHz.
        assertThat(deviceLog).containsExactly("CS low@0", "1@8000", "2@16000", "3@24000", "CS high@24000");
        assertThat(rx).containsExactly(~1, ~2, ~3);
        assertThat(completions).containsExactly("Ok[value=3]@24000");
        assertThat(spim.isBusy()).isFalse();
        assertThat(spim.isEnabled()).isFalse(); // the END handler disables the SPIM, as Tock's does
    }

    @Test
    void aWriteOnlyTransferReturnsNoReadBuffer() {
        List<byte[]> reads = new ArrayList<>();
        spim.setClient((write, read, status) -> reads.add(read));

        spim.readWriteBytes(new byte[] {9}, null, 1);
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(reads).containsExactly((byte[]) null);
        assertThat(deviceLog).contains("9@8000");
    }

    @Test
    void withoutAChipSelectATransferIsNodevice() {
        Spim fresh = new Spim(bus.cpuPort(), BASE, n -> chip.gpioPort().pin(n), 0x2000_0800, 0x2000_0C00, 16);
        byte[] tx = new byte[1];

        assertThat(fresh.readWriteBytes(tx, null, 1))
                .isEqualTo(Result.err(new SpiMaster.RejectedBuffers(ErrorCode.NODEVICE, tx, null)));
    }

    @Test
    void aSecondTransferWhileBusyAndAnOversizedOneAreRefused() {
        byte[] tx = new byte[1];
        spim.readWriteBytes(tx, null, 1);
        assertThat(spim.readWriteBytes(tx, null, 1))
                .isEqualTo(Result.err(new SpiMaster.RejectedBuffers(ErrorCode.BUSY, tx, null)));
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        byte[] big = new byte[Nrf52840MemoryMap.SPIM0_DMA_BUFFER_SIZE + 1];
        assertThat(spim.readWriteBytes(big, null, big.length).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
    }

    @Test
    void aChipSelectPinTheChipLacksIsInval() {
        assertThat(spim.specifyChipSelect(60)).isEqualTo(Result.err(ErrorCode.INVAL));
    }

    @Test
    void theRateIsTheFastestDatasheetFrequencyNotAboveTheRequest() {
        assertThat(spim.setRate(3_000_000)).isEqualTo(Result.ok(2_000_000));
        assertThat(spim.getRate()).isEqualTo(2_000_000);
        assertThat(spim.setRate(10_000)).isEqualTo(Result.ok(125_000));
        assertThat(bus.read32(BASE + FREQUENCY)).isEqualTo(0x0200_0000);
    }

    @Test
    void polarityAndPhaseAreConfigBits() {
        spim.setPolarity(ClockPolarity.IdleHigh);
        spim.setPhase(ClockPhase.SampleTrailing);

        assertThat(spim.getPolarity()).isEqualTo(ClockPolarity.IdleHigh);
        assertThat(spim.getPhase()).isEqualTo(ClockPhase.SampleTrailing);
        assertThat(bus.read32(BASE + CONFIG)).isEqualTo(CONFIG_CPOL_ACTIVE_LOW | CONFIG_CPHA_TRAILING);
    }

    @Test
    void lsbFirstOrderReversesEachByteOnTheWire() {
        bus.write32(BASE + CONFIG, CONFIG_ORDER_LSB_FIRST);
        byte[] rx = new byte[1];

        spim.readWriteBytes(new byte[] {0b0000_0001}, rx, 1);
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(deviceLog).contains(((byte) 0b1000_0000) + "@8000");
        assertThat(rx).containsExactly(0b1111_1110);
    }

    @Test
    void onlyOnePeripheralSharingTheIdMayBeEnabled() {
        chip.twim0().enable();

        spim.readWriteBytes(new byte[] {1}, null, 1);
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(deviceLog).containsExactly("CS low@0");
        assertThat(completions).isEmpty();
        assertThat(bus.read32(BASE + SharedInstanceSlot.ENABLE)).isEqualTo(6);
        assertThat(chip.hardware().spim0Twim0().registers().warnings()).singleElement().asString()
                .contains("only one peripheral sharing ID 0x40003000 may be enabled at a time");
    }

    @Test
    void afterTheTwimIsDisabledTheSpimWorks() {
        chip.twim0().enable();
        chip.twim0().disable();

        spim.readWriteBytes(new byte[] {5}, new byte[1], 1);
        KernelLoopStandIn.runUntil(chip, 1_000_000);

        assertThat(completions).containsExactly("Ok[value=1]@8000");
    }
}
