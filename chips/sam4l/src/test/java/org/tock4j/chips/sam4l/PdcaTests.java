package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.PdcaModel.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.sam4l.hardware.UsartModel;

/** The PDCA, driven through USART0's transmitter and receiver as its peripheral. */
class PdcaTests {
    private static final int USART0 = Sam4lMemoryMap.USART0_BASE;
    private static final int CH = BASE + 5 * CHANNEL_SIZE; // a channel no driver uses here
    private static final int BUFFER = Sam4lMemoryMap.DRIVER_RAM_END + 0x100;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final MemoryBus bus = chip.memory();

    @BeforeEach
    void clocksAndUsart() {
        chip.pm().enableClock(Clock.Hsb.PDCA);
        chip.pm().enableClock(Clock.Pbb.PDCA);
        chip.pm().enableClock(Clock.Pba.USART0);
        bus.write32(USART0 + UsartModel.MR, UsartModel.MR_OVER | 0b11 << UsartModel.MR_CHRL_SHIFT
                | UsartModel.PAR_NONE << UsartModel.MR_PAR_SHIFT);
        bus.write32(USART0 + UsartModel.BRGR, 1 << UsartModel.BRGR_FP_SHIFT | 52);
    }

    @Test
    void writingTcrrWhileTcrIsZeroLoadsTheReloadRegistersAtOnce() {
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 3);

        assertThat(bus.read32(CH + MAR)).isEqualTo(BUFFER);
        assertThat(bus.read32(CH + TCR)).isEqualTo(3);
        assertThat(bus.read32(CH + TCRR)).isZero();
        assertThat(bus.read32(CH + ISR)).isEqualTo(INT_RCZ);
    }

    @Test
    void pdcaTransfersOnPeripheralRequestAndRaisesTransferComplete() {
        bus.write(BUFFER, "dma".getBytes(StandardCharsets.US_ASCII), 0, 3);
        bus.write32(CH + PSR, PID_USART0_TX);
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 3);
        bus.write32(CH + IER, INT_TRC);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_TXEN);
        assertThat(bus.read32(CH + TCR)).isEqualTo(3); // no request served before TEN

        bus.write32(CH + CR, CR_TEN);

        // The USART took two characters at once: one into its shifter, one into THR.
        assertThat(bus.read32(CH + TCR)).isEqualTo(1);
        assertThat(bus.read32(CH + MAR)).isEqualTo(BUFFER + 2);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.pdca(5))).isFalse();
        chip.clock().advanceTo(86_875);
        assertThat(bus.read32(CH + TCR)).isZero();
        assertThat(bus.read32(CH + ISR) & INT_TRC).isEqualTo(INT_TRC);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.pdca(5))).isTrue();
        assertThat(bus.read32(CH + SR)).isEqualTo(1);
        chip.clock().advanceTo(1_000_000);
        assertThat(chip.uartLink(0).transmittedText()).isEqualTo("dma");
    }

    @Test
    void aReloadContinuesTheTransferFromTheReloadAddress() {
        bus.write(BUFFER, "ab".getBytes(StandardCharsets.US_ASCII), 0, 2);
        bus.write(BUFFER + 0x40, "XY".getBytes(StandardCharsets.US_ASCII), 0, 2);
        bus.write32(CH + PSR, PID_USART0_TX);
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 2);
        bus.write32(CH + MARR, BUFFER + 0x40);
        bus.write32(CH + TCRR, 2);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_TXEN);
        bus.write32(CH + CR, CR_TEN);

        chip.clock().advanceTo(1_000_000);

        assertThat(chip.uartLink(0).transmittedText()).isEqualTo("abXY");
        assertThat(bus.read32(CH + ISR) & (INT_RCZ | INT_TRC)).isEqualTo(INT_RCZ | INT_TRC);
    }

    @Test
    void aReceiveChannelWritesWhatThePeripheralReceivedIntoRam() {
        bus.write32(CH + PSR, PID_USART0_RX);
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 4);
        bus.write32(CH + CR, CR_TEN);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_RXEN);
        chip.uartLink(0).feed("wxyz!");

        chip.clock().advanceTo(1_000_000);

        byte[] got = new byte[4];
        bus.read(BUFFER, got, 0, 4);
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("wxyz");
        assertThat(bus.read32(CH + TCR)).isZero();
        // The fifth character waits in RHR: no channel takes it.
        assertThat(bus.read32(USART0 + UsartModel.CSR) & UsartModel.RXRDY).isEqualTo(UsartModel.RXRDY);
    }

    @Test
    void aHalfwordChannelMovesTwoBytesPerTransfer() {
        bus.write32(CH + MR, 1);
        bus.write32(CH + PSR, PID_USART0_RX);
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 2);
        bus.write32(CH + CR, CR_TEN);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_RXEN);
        chip.uartLink(0).feed(new byte[] {0x11, 0x22});

        chip.clock().advanceTo(1_000_000);

        assertThat(bus.read32(BUFFER)).isEqualTo(0x0022_0011);
        assertThat(bus.read32(CH + MAR)).isEqualTo(BUFFER + 4);
    }

    @Test
    void aBusErrorSetsTerrAndDisablesTheChannel() {
        bus.write32(CH + PSR, PID_USART0_TX);
        bus.write32(CH + MARR, 0x3000_0000); // nothing there
        bus.write32(CH + TCRR, 1);
        bus.write32(CH + IER, INT_TERR);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_TXEN);
        bus.write32(CH + CR, CR_TEN);

        assertThat(bus.read32(CH + ISR) & INT_TERR).isEqualTo(INT_TERR);
        assertThat(bus.read32(CH + SR)).isZero();
        assertThat(chip.nvic().isPending(Sam4lInterrupts.pdca(5))).isTrue();
        bus.write32(CH + CR, CR_ECLR);
        assertThat(bus.read32(CH + ISR) & INT_TERR).isZero();
    }

    @Test
    void noTransferHappensWhileThePdcaClockIsMasked() {
        bus.write(BUFFER, "q".getBytes(StandardCharsets.US_ASCII), 0, 1);
        bus.write32(CH + PSR, PID_USART0_TX);
        bus.write32(CH + MARR, BUFFER);
        bus.write32(CH + TCRR, 1);
        bus.write32(CH + CR, CR_TEN);
        chip.pm().disableClock(Clock.Hsb.PDCA);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_TXEN);
        chip.clock().advanceTo(200_000);
        assertThat(chip.uartLink(0).transmitted()).isEmpty();

        chip.pm().enableClock(Clock.Hsb.PDCA); // the waiting USART is served at once
        chip.clock().advanceTo(400_000);

        assertThat(chip.uartLink(0).transmittedText()).isEqualTo("q");
        assertThat(chip.uartLink(0).transmitted().get(0).timeNs()).isEqualTo(200_000 + 86_875);
    }

    @Test
    void theDriverAbortReturnsTheBytesReceivedSoFar() {
        DmaChannel channel = chip.peripherals().dmaChannel(14);
        List<DmaPeripheral> done = new ArrayList<>();
        channel.initialize(done::add, DmaWidth.Width8Bit);
        channel.enable();
        byte[] buffer = new byte[8];
        channel.doTransfer(DmaPeripheral.USART0_RX, buffer, 8);
        bus.write32(USART0 + UsartModel.CR, UsartModel.CR_RXEN);
        chip.uartLink(0).feed("hi");
        chip.clock().advanceTo(1_000_000);

        assertThat(channel.transferCounter()).isEqualTo(6);
        assertThat(channel.abortTransfer()).containsSame(buffer);
        assertThat(new String(buffer, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("hi");
        assertThat(buffer[2]).isZero();
        assertThat(done).isEmpty();
        assertThat(channel.maxTransfers()).isEqualTo(Sam4lMemoryMap.DMA_BUFFER_SIZE);
    }
}
