package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SpiDevice;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.hil.spi.ClockPhase;
import org.tock4j.kernel.hil.spi.ClockPolarity;

class SpiTests {
    /** 4 MHz: SCBR 12 at 48 MHz, 2 µs per 8-bit frame. */
    private static final long FRAME_NS = 2_000;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final SpiHw spi = chip.spi();
    private final List<String> log = new ArrayList<>();
    private final List<String> completions = new ArrayList<>();
    private final List<byte[]> reads = new ArrayList<>();

    /** Answers each frame with its complement, and logs the bus events with their times. */
    private final SpiDevice device = new SpiDevice() {
        @Override
        public void selected() {
            log.add("select@" + chip.clock().now());
        }

        @Override
        public byte exchange(byte mosi) {
            log.add(String.format("%02X@%d", mosi & 0xFF, chip.clock().now()));
            return (byte) ~mosi;
        }

        @Override
        public void deselected() {
            log.add("deselect@" + chip.clock().now());
        }
    };

    @BeforeEach
    void wire() {
        chip.spiBus().attach(chip.spiChipSelect(2), device);
        spi.init();
        spi.specifyChipSelect(2);
        assertThat(spi.setRate(4_000_000).unwrap()).isEqualTo(4_000_000);
        spi.setClient((write, read, status) -> {
            completions.add(status.unwrap() + "@" + chip.clock().now());
            reads.add(read);
        });
    }

    @Test
    void spiExchangesFramesWithTheSelectedDeviceThroughPdca() {
        byte[] tx = {0x01, 0x02, 0x03, 0x04};
        byte[] rx = new byte[4];

        assertThat(spi.readWriteBytes(tx, rx, 4).isOk()).isTrue();
        assertThat(spi.isBusy()).isTrue();
        board.runUntil(1_000_000);

        assertThat(log).containsExactly("select@0", "01@2000", "02@4000", "03@6000", "04@8000", "deselect@8000");
        assertThat(rx).containsExactly(0xFE, 0xFD, 0xFC, 0xFB);
        assertThat(completions).containsExactly("4@" + 4 * FRAME_NS);
        assertThat(reads.get(0)).isSameAs(rx);
        assertThat(spi.isBusy()).isFalse();
    }

    @Test
    void aWriteOnlyTransferWaitsForTheLastFrameToLeaveBeforeDisabling() {
        byte[] tx = {(byte) 0xA0, (byte) 0xA1, (byte) 0xA2};

        spi.readWriteBytes(tx, null, 3);
        board.runUntil(1_000_000);

        // The write channel finishes when the last frame enters TDR (2 µs); the driver then spins on TXEMPTY.
        assertThat(completions).containsExactly("3@" + 3 * FRAME_NS);
        assertThat(reads.get(0)).isNull();
        assertThat(log).endsWith("deselect@6000");
    }

    @Test
    void theLengthIsTheShortestOfTheRequestAndTheBuffers() {
        spi.readWriteBytes(new byte[8], new byte[2], 5);
        board.runUntil(1_000_000);
        assertThat(completions).containsExactly("2@4000");
    }

    @Test
    void aSecondTransferWhileOneRunsIsBusy() {
        spi.readWriteBytes(new byte[2], null, 2);
        byte[] second = new byte[2];
        assertThat(spi.readWriteBytes(second, null, 2).unwrapErr().error()).isEqualTo(ErrorCode.BUSY);
    }

    @Test
    void setRateRoundsTheDividerUpAndReportsTheRateAchieved() {
        assertThat(spi.setRate(5_000_000).unwrap()).isEqualTo(4_800_000);
        assertThat(spi.getRate()).isEqualTo(4_800_000);
        assertThat(spi.setRate(1).unwrap()).isEqualTo(48_000_000 / 255);
    }

    @Test
    void clockSettingsBelongToTheSelectedChipSelect() {
        spi.setPolarity(ClockPolarity.IdleHigh);
        spi.setPhase(ClockPhase.SampleLeading);
        assertThat(spi.getPolarity()).isEqualTo(ClockPolarity.IdleHigh);
        assertThat(spi.getPhase()).isEqualTo(ClockPhase.SampleLeading);

        spi.specifyChipSelect(0);
        assertThat(spi.getPolarity()).isEqualTo(ClockPolarity.IdleLow);
        assertThat(spi.getPhase()).isEqualTo(ClockPhase.SampleTrailing);
        assertThat(spi.specifyChipSelect(4).unwrapErr()).isEqualTo(ErrorCode.INVAL);
    }

    @Test
    void holdLowKeepsTheChipSelectActiveBetweenTransfers() {
        spi.holdLow();
        spi.readWriteBytes(new byte[] {1}, null, 1);
        board.runUntil(1_000_000);
        spi.readWriteBytes(new byte[] {2}, null, 1);
        board.runUntil(2_000_000);

        assertThat(log).filteredOn(e -> e.startsWith("select") || e.startsWith("deselect")).containsExactly("select@0");
        assertThat(chip.hardware().spi().selectedChip()).isEqualTo(2);
    }

    @Test
    void anEmptyChipSelectReadsAllOnes() {
        spi.specifyChipSelect(1);
        spi.setRate(4_000_000);
        byte[] rx = new byte[2];
        spi.readWriteBytes(new byte[2], rx, 2);
        board.runUntil(1_000_000);
        assertThat(rx).containsExactly(0xFF, 0xFF);
    }

    @Test
    void theSpiClockIsMaskedWhileTheSpiIsDisabled() {
        assertThat(chip.pm().isClockEnabled(Clock.Pba.SPI)).isFalse();
        spi.readWriteBytes(new byte[1], null, 1);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.SPI)).isTrue();
        board.runUntil(1_000_000);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.SPI)).isFalse();
    }

    @Test
    void theChipSelectIsAWireTheSpiHoldsLowForTheTransfer() {
        PinWire npcs2 = chip.spiChipSelect(2);
        assertThat(npcs2.level()).isTrue();
        assertThat(npcs2.isDrivenByChip()).isTrue();

        spi.readWriteBytes(new byte[2], null, 2);
        board.runUntil(1_000_000);

        assertThat(npcs2.edges()).containsExactly(new PinWire.Edge(0, false), new PinWire.Edge(2 * FRAME_NS, true));
        assertThat(chip.spiChipSelect(0).edges()).isEmpty();
    }

    @Test
    void aDeviceBehindAGpioChipSelectExchangesFramesWhileThatPinIsLow() {
        List<String> gpioLog = new ArrayList<>();
        GpioPin cs = chip.gpioPin('C', 1);
        cs.makeOutput();
        cs.set();
        chip.spiBus().attach(chip.pin('C', 1), mosi -> {
            gpioLog.add(String.format("%02X", mosi & 0xFF));
            return 0x33;
        });
        spi.specifyChipSelect(1); // an empty NPCS: only the GPIO selects
        spi.setRate(4_000_000);
        byte[] rx = new byte[1];

        cs.clear();
        spi.readWriteBytes(new byte[] {0x5C}, rx, 1);
        board.runUntil(1_000_000);
        cs.set();

        assertThat(gpioLog).containsExactly("5C");
        assertThat(rx).containsExactly(0x33);
    }
}
