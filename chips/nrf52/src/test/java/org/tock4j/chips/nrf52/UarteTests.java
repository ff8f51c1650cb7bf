package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.chips.nrf52.hardware.UarteModel.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.hil.uart.Width;

class UarteTests {
    private static final int BASE = Nrf52840MemoryMap.UARTE0_BASE;

    private final Nrf52840 chip = new Nrf52840();
    private final Uarte uart = chip.uarte0();
    private final UartLink link = chip.uartLink(0);
    private final MemoryBus bus = chip.memory();
    private final List<Completion> transmitted = new ArrayList<>();
    private final List<Completion> received = new ArrayList<>();

    record Completion(byte[] buffer, int length, Result<Void, ErrorCode> rval, long atNs) {
        String text() {
            return new String(buffer, 0, length, StandardCharsets.US_ASCII);
        }
    }

    @BeforeEach
    void console() {
        uart.initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
        assertThat(uart.configure(Parameters.console115200()).isOk()).isTrue();
        uart.setTransmitClient(new TransmitClient() {
            @Override
            public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval) {
                transmitted.add(new Completion(txBuffer, txLen, rval, chip.clock().now()));
            }
        });
        uart.setReceiveClient(new ReceiveClient() {
            @Override
            public void receivedBuffer(byte[] rxBuffer, int rxLen, Result<Void, ErrorCode> rval, UartError error) {
                received.add(new Completion(rxBuffer, rxLen, rval, chip.clock().now()));
            }
        });
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void uarteEndtxAfterByteTimeAtBaud() {
        byte[] hello = ascii("Hello");
        assertThat(uart.transmitBuffer(hello, 5).isOk()).isTrue();

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // 10 bits per byte at 115200 baud: byte k ends at ceil(k × 86,805.5 ns).
        assertThat(link.transmitted()).extracting(TransmittedByte::timeNs)
                .containsExactly(86_806L, 173_612L, 260_417L, 347_223L, 434_028L);
        assertThat(link.transmittedText()).isEqualTo("Hello");
        assertThat(transmitted).hasSize(1);
        Completion done = transmitted.get(0);
        assertThat(done.buffer()).isSameAs(hello);
        assertThat(done.length()).isEqualTo(5);
        assertThat(done.rval().isOk()).isTrue();
        assertThat(done.atNs()).isEqualTo(434_028);
    }

    @Test
    void easyDmaReadsTheTransmitBytesFromRamWhenTheTransferStarts() {
        int buffer = Nrf52840MemoryMap.RAM_START + 0x2000;
        bus.write(buffer, ascii("abc"), 0, 3);
        bus.write32(BASE + TXD_PTR, buffer);
        bus.write32(BASE + TXD_MAXCNT, 3);
        bus.write32(BASE + TASKS_STARTTX, 1);
        bus.write(buffer, ascii("xyz"), 0, 3);

        chip.clock().advanceTo(1_000_000);

        assertThat(link.transmittedText()).isEqualTo("abc");
        assertThat(bus.read32(BASE + TXD_AMOUNT)).isEqualTo(3);
        assertThat(bus.read32(BASE + EVENTS_TXSTARTED)).isEqualTo(1);
        assertThat(bus.read32(BASE + EVENTS_ENDTX)).isEqualTo(1);
    }

    @Test
    void theDriverCopiesEachChunkIntoItsDmaBufferInRam() {
        uart.transmitBuffer(ascii("Tock"), 4);

        assertThat(bus.read32(BASE + TXD_PTR)).isEqualTo(Nrf52840MemoryMap.UARTE0_TX_DMA_BUFFER);
        byte[] dma = new byte[4];
        bus.read(Nrf52840MemoryMap.UARTE0_TX_DMA_BUFFER, dma, 0, 4);
        assertThat(dma).containsExactly(ascii("Tock"));
    }

    @Test
    void buffersLongerThan255BytesGoOutIn255ByteChunks() {
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        uart.transmitBuffer(data, 600);
        assertThat(bus.read32(BASE + TXD_MAXCNT)).isEqualTo(255);

        KernelLoopStandIn.runUntil(chip, 22_135_417); // 2550 bit times: the first chunk's end
        assertThat(link.transmitted()).hasSize(255);
        assertThat(bus.read32(BASE + TXD_MAXCNT)).isEqualTo(255);

        KernelLoopStandIn.runUntil(chip, 44_270_834);
        assertThat(link.transmitted()).hasSize(510);
        assertThat(bus.read32(BASE + TXD_MAXCNT)).isEqualTo(90);

        KernelLoopStandIn.runUntil(chip, 100_000_000);
        assertThat(link.transmittedBytes()).containsExactly(data);
        assertThat(transmitted).singleElement().satisfies(c -> {
            assertThat(c.length()).isEqualTo(600);
            assertThat(c.atNs()).isEqualTo(52_083_334);
        });
    }

    @Test
    void aSecondTransmissionIsBusyAndGetsItsBufferBack() {
        uart.transmitBuffer(ascii("one"), 3);
        byte[] second = ascii("two");

        Result<Void, RejectedBuffer> r = uart.transmitBuffer(second, 3);

        assertThat(r.unwrapErr().error()).isEqualTo(ErrorCode.BUSY);
        assertThat(r.unwrapErr().buffer()).isSameAs(second);
        KernelLoopStandIn.runUntil(chip, 10_000_000);
        assertThat(transmitted).hasSize(1);
        assertThat(uart.transmitBuffer(second, 3).isOk()).isTrue();
    }

    @Test
    void aZeroOrOverlongLengthIsSizeWithoutACallback() {
        byte[] buffer = ascii("abc");
        assertThat(uart.transmitBuffer(buffer, 0).unwrapErr()).isEqualTo(new RejectedBuffer(ErrorCode.SIZE, buffer));
        assertThat(uart.transmitBuffer(buffer, 4).unwrapErr().error()).isEqualTo(ErrorCode.SIZE);
        KernelLoopStandIn.runUntil(chip, 10_000_000);
        assertThat(transmitted).isEmpty();
        assertThat(link.transmitted()).isEmpty();
    }

    @Test
    void wordTransfersAndTransmitAbortAreNotSupported() {
        assertThat(uart.transmitWord('x').unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(uart.transmitAbort().unwrapErr()).isEqualTo(ErrorCode.FAIL);
        assertThat(uart.receiveWord().unwrapErr()).isEqualTo(ErrorCode.FAIL);
    }

    @Test
    void theClientHearsOnlyFromTheInterruptHandler() {
        uart.transmitBuffer(ascii("Hi"), 2);

        chip.clock().advanceTo(1_000_000);
        assertThat(link.transmittedText()).isEqualTo("Hi");
        assertThat(transmitted).isEmpty();
        assertThat(chip.hasPendingInterrupts()).isTrue();

        chip.servicePendingInterrupts();

        assertThat(transmitted).hasSize(1);
        assertThat(chip.hasPendingInterrupts()).isFalse();
    }

    @Test
    void onlyEightNOneWithoutFlowControlIsSupported() {
        assertThat(uart.configure(new Parameters(115_200, Width.Eight, Parity.Even, StopBits.One, false)).unwrapErr())
                .isEqualTo(ErrorCode.NOSUPPORT);
        assertThat(uart.configure(new Parameters(115_200, Width.Eight, Parity.None, StopBits.Two, false)).unwrapErr())
                .isEqualTo(ErrorCode.NOSUPPORT);
        assertThat(uart.configure(new Parameters(115_200, Width.Eight, Parity.None, StopBits.One, true)).unwrapErr())
                .isEqualTo(ErrorCode.NOSUPPORT);
    }

    @Test
    void theBaudRateTableSetsTheDatasheetRegisterValue() {
        uart.configure(new Parameters(9_600, Width.Eight, Parity.None, StopBits.One, false));
        assertThat(bus.read32(BASE + BAUDRATE)).isEqualTo(0x0027_5000);

        uart.transmitBuffer(ascii("A"), 1);
        KernelLoopStandIn.runUntil(chip, 10_000_000);
        assertThat(link.transmitted()).singleElement().extracting(TransmittedByte::timeNs).isEqualTo(1_041_667L);

        uart.configure(new Parameters(12_345, Width.Eight, Parity.None, StopBits.One, false));
        assertThat(bus.read32(BASE + BAUDRATE)).isEqualTo(0x01D6_0000);
    }

    @Test
    void parityAndTwoStopBitsLengthenEachFrame() {
        bus.write32(BASE + CONFIG, CONFIG_PARITY_INCLUDED | CONFIG_STOP_TWO);
        uart.transmitBuffer(ascii("A"), 1);
        KernelLoopStandIn.runUntil(chip, 10_000_000);
        assertThat(link.transmitted()).singleElement().extracting(TransmittedByte::timeNs).isEqualTo(104_167L);
    }

    @Test
    void receivedBytesArriveByDmaAtBaudTiming() {
        byte[] buffer = new byte[8];
        assertThat(uart.receiveBuffer(buffer, 4).isOk()).isTrue();
        link.feed("abcd");

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.buffer()).isSameAs(buffer);
            assertThat(c.text()).isEqualTo("abcd");
            assertThat(c.rval().isOk()).isTrue();
            assertThat(c.atNs()).isEqualTo(347_223);
        });
        byte[] dma = new byte[4];
        bus.read(Nrf52840MemoryMap.UARTE0_RX_DMA_BUFFER, dma, 0, 4);
        assertThat(dma).containsExactly(ascii("abcd"));
    }

    @Test
    void bytesTypedBeforeAReceptionWaitForIt() {
        link.feed("xy");
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        uart.receiveBuffer(new byte[2], 2);
        KernelLoopStandIn.runUntil(chip, 20_000_000);

        assertThat(received).singleElement().extracting(Completion::text).isEqualTo("xy");
    }

    @Test
    void longReceptionsAreChunkedBy255() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        byte[] buffer = new byte[300];
        uart.receiveBuffer(buffer, 300);
        assertThat(bus.read32(BASE + RXD_MAXCNT)).isEqualTo(255);
        link.feed(data);

        KernelLoopStandIn.runUntil(chip, 100_000_000);

        assertThat(received).singleElement().extracting(Completion::length).isEqualTo(300);
        assertThat(buffer).containsExactly(data);
    }

    @Test
    void aReceptionLongerThanTheBufferIsTruncatedToIt() {
        uart.receiveBuffer(new byte[3], 10);
        link.feed("abcdef");
        KernelLoopStandIn.runUntil(chip, 10_000_000);
        assertThat(received).singleElement().extracting(Completion::text).isEqualTo("abc");
        assertThat(link.rxWaitingCount()).isEqualTo(3);
    }

    @Test
    void abortingAReceptionReturnsWhatArrivedWithCancel() {
        byte[] buffer = new byte[10];
        uart.receiveBuffer(buffer, 10);
        link.feed("abc");
        KernelLoopStandIn.runUntil(chip, 1_000_000);
        assertThat(received).isEmpty();

        assertThat(uart.receiveAbort().unwrapErr()).isEqualTo(ErrorCode.BUSY);
        KernelLoopStandIn.runUntil(chip, 2_000_000);

        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("abc");
            assertThat(c.rval().unwrapErr()).isEqualTo(ErrorCode.CANCEL);
        });
        assertThat(uart.receiveAbort().isOk()).isTrue();
    }

    @Test
    void aSecondReceptionIsBusy() {
        uart.receiveBuffer(new byte[4], 4);
        byte[] second = new byte[4];
        assertThat(uart.receiveBuffer(second, 4).unwrapErr()).isEqualTo(new RejectedBuffer(ErrorCode.BUSY, second));
    }

    @Test
    void startingATransmissionWhileDisabledIsAWarningAndSendsNothing() {
        uart.disableUart();
        uart.transmitBuffer(ascii("lost"), 4);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(link.transmitted()).isEmpty();
        assertThat(chip.hardware().uarte0().registers().warnings())
                .contains("STARTTX while the UARTE is not enabled; ignored");
    }

    @Test
    void stoptxEndsATransmissionEarlyWithTheBytesSent() {
        uart.transmitBuffer(ascii("abcdef"), 6);
        chip.clock().advanceTo(200_000); // two bytes out
        bus.write32(BASE + TASKS_STOPTX, 1);
        chip.clock().advanceTo(1_000_000);

        assertThat(link.transmittedText()).isEqualTo("ab");
        assertThat(bus.read32(BASE + TXD_AMOUNT)).isEqualTo(2);
        assertThat(bus.read32(BASE + EVENTS_TXSTOPPED)).isEqualTo(1);
    }

    @Test
    void uarte1TransmitsAndReceivesOnItsOwnLinkDmaBuffersAndInterrupt() {
        Uarte uart1 = chip.uarte1();
        UartLink link1 = chip.uartLink(1);
        List<Completion> sent = new ArrayList<>();
        List<Completion> got = new ArrayList<>();
        uart1.initialize(33, 34, OptionalInt.empty(), OptionalInt.empty());
        uart1.configure(Parameters.console115200());
        uart1.setTransmitClient(new TransmitClient() {
            @Override
            public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval) {
                sent.add(new Completion(txBuffer, txLen, rval, chip.clock().now()));
            }
        });
        uart1.setReceiveClient(new ReceiveClient() {
            @Override
            public void receivedBuffer(byte[] rxBuffer, int rxLen, Result<Void, ErrorCode> rval, UartError error) {
                got.add(new Completion(rxBuffer, rxLen, rval, chip.clock().now()));
            }
        });

        uart1.transmitBuffer(ascii("GPS?"), 4);
        uart1.receiveBuffer(new byte[3], 3);
        link1.feed("FIX");
        assertThat(bus.read32(Nrf52840MemoryMap.UARTE1_BASE + TXD_PTR))
                .isEqualTo(Nrf52840MemoryMap.UARTE1_TX_DMA_BUFFER);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        assertThat(link1.transmittedText()).isEqualTo("GPS?");
        assertThat(link.transmitted()).isEmpty();
        assertThat(sent).singleElement().extracting(Completion::text).isEqualTo("GPS?");
        assertThat(got).singleElement().extracting(Completion::text).isEqualTo("FIX");
        assertThat(transmitted).isEmpty();
    }

    @Test
    void aFrameWithAFramingErrorSetsErrorsrcAndIsNotStoredWhileReceptionGoesOn() {
        byte[] buffer = new byte[3];
        uart.receiveBuffer(buffer, 3);
        link.feed("a");
        link.feedFramingError((byte) 'X');
        link.feed("bc");

        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // Tock's driver enables no ERROR interrupt: the reception ends with the three good bytes, without error.
        assertThat(received).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("abc");
            assertThat(c.rval().isOk()).isTrue();
        });
        assertThat(bus.read32(BASE + EVENTS_ERROR)).isEqualTo(1);
        assertThat(bus.read32(BASE + ERRORSRC)).isEqualTo(ERRORSRC_FRAMING);
        assertThat(bus.read32(BASE + INTEN) & INT_ERROR).isZero();
        // The bad frame took its frame time on the line: "c" is the fourth frame.
        assertThat(received.get(0).atNs()).isGreaterThanOrEqualTo(4 * 86_805L);
    }

    @Test
    void errorsrcIsWriteOneToClearAndAnEnabledErrorInterruptRaisesTheLine() {
        bus.write32(BASE + INTENSET, INT_ERROR);
        uart.receiveBuffer(new byte[1], 1);
        link.feedFramingError();
        chip.clock().advanceBy(1_000_000);

        assertThat(chip.nvic().isPending(org.tock4j.chips.nrf5x.PeripheralInterrupts.UART0)).isTrue();
        bus.write32(BASE + ERRORSRC, ERRORSRC_PARITY);
        assertThat(bus.read32(BASE + ERRORSRC)).isEqualTo(ERRORSRC_FRAMING);
        bus.write32(BASE + ERRORSRC, ERRORSRC_FRAMING);
        assertThat(bus.read32(BASE + ERRORSRC)).isZero();
    }
}
