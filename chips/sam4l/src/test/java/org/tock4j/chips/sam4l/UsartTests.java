package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.sam4l.hardware.UsartModel.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.world.TransmittedByte;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.Parity;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.StopBits;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.hil.uart.Width;

class UsartTests {
    /** 115200 baud from 48 MHz: CD 52, FP 1, a bit is 417 cycles, a 10-bit frame 86875 ns. */
    private static final long FRAME_NS = 86_875;
    private static final int BASE = Sam4lMemoryMap.USART3_BASE;

    private final TestBoard board = TestBoard.boot();
    private final Sam4l chip = board.chip;
    private final Usart uart = chip.usart(3);
    private final UartLink link = chip.uartLink(3);
    private final MemoryBus bus = chip.memory();
    private final List<Completion> transmitted = new ArrayList<>();
    private final List<Completion> received = new ArrayList<>();

    record Completion(byte[] buffer, int length, Result<Void, ErrorCode> rval, UartError error, long atNs) {
        String text() {
            return new String(buffer, 0, length, StandardCharsets.US_ASCII);
        }
    }

    @BeforeEach
    void console() {
        uart.setMode(UsartMode.Uart);
        assertThat(uart.configure(Parameters.console115200()).isOk()).isTrue();
        uart.setTransmitClient((buffer, length, rval) ->
                transmitted.add(new Completion(buffer, length, rval, UartError.None, chip.clock().now())));
        uart.setReceiveClient(new ReceiveClient() {
            @Override
            public void receivedBuffer(byte[] buffer, int length, Result<Void, ErrorCode> rval, UartError error) {
                received.add(new Completion(buffer, length, rval, error, chip.clock().now()));
            }
        });
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void usartTransmitsAtBaudThroughPdca() {
        byte[] hello = ascii("Hello");
        assertThat(uart.transmitBuffer(hello, 5).isOk()).isTrue();

        board.runUntil(10_000_000);

        assertThat(link.transmitted()).extracting(TransmittedByte::timeNs)
                .containsExactly(FRAME_NS, 2 * FRAME_NS, 3 * FRAME_NS, 4 * FRAME_NS, 5 * FRAME_NS);
        assertThat(link.transmittedText()).isEqualTo("Hello");
        assertThat(transmitted).singleElement().satisfies(c -> {
            assertThat(c.buffer()).isSameAs(hello);
            assertThat(c.length()).isEqualTo(5);
            assertThat(c.rval().isOk()).isTrue();
            // The client hears on TXEMPTY, when the last stop bit has left the line.
            assertThat(c.atNs()).isEqualTo(5 * FRAME_NS);
        });
    }

    @Test
    void theBaudRateGeneratorIsProgrammedFromTheSystemFrequencyAsTockDoes() {
        chip.pm().enableClock(Clock.Pba.USART3); // the driver gated it after configuring
        assertThat(bus.read32(BASE + BRGR)).isEqualTo(1 << BRGR_FP_SHIFT | 52);
        assertThat(chip.hardware().usart(3).baudRate()).isEqualTo(115_107);
        assertThat(bus.read32(BASE + MR)).isEqualTo(MR_OVER | 0b11 << MR_CHRL_SHIFT | PAR_NONE << MR_PAR_SHIFT);
    }

    @Test
    void thePdcaFinishesBeforeTheLineDoesAndTxemptyEndsTheTransfer() {
        uart.transmitBuffer(ascii("ab"), 2);
        // The PDCA moved both bytes at once (THR and the shifter): its transfer is complete.
        assertThat(chip.peripherals().dmaChannel(7).transferCounter()).isZero();
        assertThat(chip.hasPendingInterrupts()).isTrue(); // PDCA7's TRC

        chip.servicePendingInterrupts();
        assertThat(bus.read32(BASE + IMR) & TXEMPTY).isEqualTo(TXEMPTY);
        assertThat(transmitted).isEmpty();

        board.runUntil(10_000_000);
        assertThat(transmitted).hasSize(1);
    }

    @Test
    void twoStopBitsAndParityLengthenTheFrame() {
        uart.configure(new Parameters(115_200, Width.Eight, Parity.Even, StopBits.Two, false));
        uart.transmitBuffer(ascii("x"), 1);

        board.runUntil(10_000_000);

        // start + 8 data + parity + 2 stop = 12 bits of 417 cycles at 48 MHz
        assertThat(link.transmitted()).extracting(TransmittedByte::timeNs).containsExactly(104_250L);
    }

    @Test
    void theClientHearsOnlyFromTheInterruptHandler() {
        uart.transmitBuffer(ascii("Hi"), 2);

        chip.clock().advanceTo(1_000_000);
        assertThat(link.transmittedText()).isEqualTo("Hi");
        assertThat(transmitted).isEmpty();

        board.runUntil(2_000_000);
        assertThat(transmitted).hasSize(1);
    }

    @Test
    void aSecondTransmissionIsBusyAndGetsItsBufferBack() {
        uart.transmitBuffer(ascii("one"), 3);
        byte[] second = ascii("two");

        Result<Void, RejectedBuffer> r = uart.transmitBuffer(second, 3);

        assertThat(r.unwrapErr()).isEqualTo(new RejectedBuffer(ErrorCode.BUSY, second));
        board.runUntil(10_000_000);
        assertThat(uart.transmitBuffer(second, 3).isOk()).isTrue();
    }

    @Test
    void aLengthBeyondTheBufferOrTheDmaBufferIsSize() {
        byte[] small = ascii("abc");
        assertThat(uart.transmitBuffer(small, 4).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        byte[] big = new byte[Sam4lMemoryMap.DMA_BUFFER_SIZE + 1];
        assertThat(uart.transmitBuffer(big, big.length).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        assertThat(uart.receiveBuffer(small, 4).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
    }

    @Test
    void usartReceivesIntoTheBufferThroughPdca() {
        byte[] buffer = new byte[4];
        assertThat(uart.receiveBuffer(buffer, 4).isOk()).isTrue();
        link.feed("abcdef");

        board.runUntil(10_000_000);

        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.buffer()).isSameAs(buffer);
            assertThat(c.text()).isEqualTo("abcd");
            assertThat(c.rval().isOk()).isTrue();
            assertThat(c.error()).isEqualTo(UartError.None);
            assertThat(c.atNs()).isEqualTo(4 * FRAME_NS);
        });
        assertThat(link.rxWaitingCount()).isEqualTo(2);
    }

    @Test
    void aSecondReceptionIsBusyWhileOneRuns() {
        uart.receiveBuffer(new byte[4], 4);
        byte[] second = new byte[4];
        assertThat(uart.receiveBuffer(second, 4).unwrapErr()).isEqualTo(new RejectedBuffer(ErrorCode.BUSY, second));
    }

    @Test
    void abortingAReceptionReportsWhatArrivedWithCancelFromADeferredCall() {
        byte[] buffer = new byte[10];
        uart.receiveBuffer(buffer, 10);
        link.feed("abc");
        board.runUntil(1_000_000);
        assertThat(received).isEmpty();

        assertThat(uart.receiveAbort().unwrapErr()).isEqualTo(ErrorCode.BUSY);
        assertThat(received).isEmpty();
        assertThat(board.deferredCalls.hasTasks()).isTrue();

        board.runUntil(2_000_000);
        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("abc");
            assertThat(c.rval().unwrapErr()).isEqualTo(ErrorCode.CANCEL);
            assertThat(c.error()).isEqualTo(UartError.Aborted);
        });
        assertThat(uart.receiveAbort().isOk()).isTrue();
    }

    @Test
    void abortingATransmissionInThePdcaReportsCancelFromADeferredCall() {
        byte[] data = new byte[100];
        uart.transmitBuffer(data, 100);
        chip.clock().advanceTo(3 * FRAME_NS);

        assertThat(uart.transmitAbort().unwrapErr()).isEqualTo(ErrorCode.BUSY);
        assertThat(transmitted).isEmpty();
        board.runUntil(20_000_000);

        assertThat(transmitted).singleElement().satisfies(c -> {
            assertThat(c.buffer()).isSameAs(data);
            assertThat(c.rval().unwrapErr()).isEqualTo(ErrorCode.CANCEL);
            assertThat(c.length()).isEqualTo(5); // 3 sent, one in the shifter, one in THR
        });
        assertThat(uart.transmitAbort().isOk()).isTrue();
    }

    @Test
    void configureIsOffUntilTheUsartIsInUartMode() {
        Usart unused = chip.usart(1);
        assertThat(unused.configure(Parameters.console115200()).unwrapErr()).isEqualTo(ErrorCode.OFF);
        assertThat(unused.mode()).isEqualTo(UsartMode.Unused);
    }

    @Test
    void theDriverGatesTheUsartClockWhenIdleAsTocksRegisterManagerDoes() {
        assertThat(chip.pm().isClockEnabled(Clock.Pba.USART3)).isFalse();
        uart.transmitBuffer(ascii("z"), 1);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.USART3)).isTrue();

        board.runUntil(10_000_000);

        assertThat(transmitted).hasSize(1);
        assertThat(chip.pm().isClockEnabled(Clock.Pba.USART3)).isFalse();
        assertThat(chip.pm().isClockEnabled(Clock.Hsb.PDCA)).isFalse();
    }

    @Test
    void wordTransfersAreNotSupported() {
        assertThat(uart.transmitWord('x').unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(uart.receiveWord().unwrapErr()).isEqualTo(ErrorCode.FAIL);
    }

    @Test
    void everyUsartHasItsOwnLinkAndPdcaChannels() {
        for (int n = 0; n < 3; n++) {
            Usart u = chip.usart(n);
            u.setMode(UsartMode.Uart);
            u.configure(Parameters.console115200());
            u.setTransmitClient((buffer, length, rval) -> {});
            u.transmitBuffer(ascii("U" + n), 2);
        }
        board.runUntil(10_000_000);

        assertThat(chip.uartLink(0).transmittedText()).isEqualTo("U0");
        assertThat(chip.uartLink(1).transmittedText()).isEqualTo("U1");
        assertThat(chip.uartLink(2).transmittedText()).isEqualTo("U2");
        assertThat(chip.uartLink(2).name()).isEqualTo("USART2");
        assertThat(link.transmitted()).isEmpty();
    }

    @Test
    void writingThrDirectlySendsOneCharacter() {
        chip.pm().enableClock(Clock.Pba.USART3);
        bus.write32(BASE + CR, CR_TXEN);
        assertThat(bus.read32(BASE + CSR) & (TXRDY | TXEMPTY)).isEqualTo(TXRDY | TXEMPTY);

        bus.write32(BASE + THR, 'Q');
        assertThat(bus.read32(BASE + CSR) & TXEMPTY).isZero();
        chip.clock().advanceTo(chip.clock().now() + FRAME_NS);

        assertThat(link.transmittedText()).isEqualTo("Q");
        assertThat(bus.read32(BASE + CSR) & TXEMPTY).isEqualTo(TXEMPTY);
    }

    @Test
    void registersOfAGatedUsartReadZeroAndIgnoreWrites() {
        assertThat(chip.pm().isClockEnabled(Clock.Pba.USART3)).isFalse();
        assertThat(bus.read32(BASE + BRGR)).isZero();
        bus.write32(BASE + CR, CR_TXEN);
        assertThat(chip.hardware().usart(3).registers().warnings())
                .contains("read while its clock is masked in the PM returns 0",
                        "write while its clock is masked in the PM is ignored");
    }

    @Test
    void aFramingErrorSetsFrameAndTheDriverAbortsTheReceptionWithFramingError() {
        byte[] buffer = new byte[10];
        uart.receiveBuffer(buffer, 10);
        link.feed("ab");
        link.feedFramingError();
        link.feed("cd");

        board.runUntil(10_000_000);

        // The bad frame ends at 3 frame times; FRAME interrupts, Tock's handler aborts the reception (RXDIS) and
        // resets the status; the client hears from the deferred call, with what the PDCA had moved.
        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.buffer()).isSameAs(buffer);
            assertThat(c.text()).isEqualTo("ab\0");
            assertThat(c.rval().unwrapErr()).isEqualTo(ErrorCode.FAIL);
            assertThat(c.error()).isEqualTo(UartError.FramingError);
            assertThat(c.atNs()).isEqualTo(3 * FRAME_NS);
        });
        assertThat(bus.read32(BASE + CSR) & FRAME).isZero();
        assertThat(link.rxWaitingCount()).isEqualTo(2); // the receiver was disabled: "cd" waits
    }

    @Test
    void frameStaysSetUntilRststaAndInterruptsOnlyWhenEnabled() {
        chip.pm().enableClock(Clock.Pba.USART3);
        bus.write32(BASE + CR, CR_RXEN);
        link.feedFramingError((byte) 0x55);
        board.runFor(FRAME_NS);

        assertThat(bus.read32(BASE + CSR) & (FRAME | RXRDY)).isEqualTo(FRAME | RXRDY);
        assertThat(bus.read32(BASE + RHR)).isEqualTo(0x55);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.USART3)).isFalse();
        bus.write32(BASE + IER, FRAME);
        assertThat(chip.nvic().isPending(Sam4lInterrupts.USART3)).isTrue();
        bus.write32(BASE + CR, CR_RSTSTA);
        assertThat(bus.read32(BASE + CSR) & FRAME).isZero();
    }
}
