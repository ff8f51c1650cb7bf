package org.tock4j.kernel.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.Transmit;
import org.tock4j.kernel.hil.uart.TransmitClient;

class DebugWriterTests {

    /** A UART that holds each buffer until the test completes the transmission. */
    private static final class HeldUart implements Transmit {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final List<Integer> lengths = new ArrayList<>();
        TransmitClient client;
        byte[] inFlight;
        int inFlightLen;
        boolean refuse;

        @Override
        public void setTransmitClient(TransmitClient client) {
            this.client = client;
        }

        @Override
        public Result<Void, RejectedBuffer> transmitBuffer(byte[] txBuffer, int txLen) {
            if (refuse) {
                return Result.err(new RejectedBuffer(ErrorCode.BUSY, txBuffer));
            }
            inFlight = txBuffer;
            inFlightLen = txLen;
            sent.write(txBuffer, 0, txLen);
            lengths.add(txLen);
            return Result.ok(null);
        }

        /** Ends the transmission in flight; returns whether there was one. */
        boolean complete() {
            if (inFlight == null) {
                return false;
            }
            byte[] buffer = inFlight;
            inFlight = null;
            client.transmittedBuffer(buffer, inFlightLen, Result.ok(null));
            return true;
        }

        void drain() {
            while (complete()) {
                // each completion starts the next chunk
            }
        }

        String text() {
            return sent.toString(StandardCharsets.UTF_8);
        }

        @Override
        public Result<Void, ErrorCode> transmitWord(int word) {
            return Result.err(ErrorCode.FAIL);
        }

        @Override
        public Result<Void, ErrorCode> transmitAbort() {
            return Result.err(ErrorCode.FAIL);
        }
    }

    private static DebugWriter writer(HeldUart uart, int outputLength, int ringLength) {
        DebugWriter writer = new DebugWriter(uart, new byte[outputLength], ringLength);
        uart.setTransmitClient(writer);
        return writer;
    }

    @Test
    void aLineGoesOutWithCarriageReturnAndNewline() {
        HeldUart uart = new HeldUart();
        writer(uart, 64, 1984).println("hello");
        uart.drain();
        assertThat(uart.text()).isEqualTo("hello\r\n");
    }

    @Test
    void longTextGoesOutOneOutputBufferAtATime() {
        HeldUart uart = new HeldUart();
        DebugWriter writer = writer(uart, 64, 1984);
        writer.println("x".repeat(150));
        uart.drain();
        assertThat(uart.lengths).containsExactly(64, 64, 24);
        assertThat(uart.text()).isEqualTo("x".repeat(150) + "\r\n");
    }

    @Test
    void linesWrittenWhileTheUartIsBusyWaitInTheRing() {
        HeldUart uart = new HeldUart();
        DebugWriter writer = writer(uart, 64, 1984);
        writer.println("one");
        writer.println("two");
        assertThat(uart.text()).isEqualTo("one\r\n");
        uart.drain();
        assertThat(uart.text()).isEqualTo("one\r\ntwo\r\n");
    }

    @Test
    void whatDoesNotFitIsDroppedAndTheDropIsAnnounced() {
        HeldUart uart = new HeldUart();
        // A ring of 64 holds 63 bytes; 27 are kept for the notice, so a message gets at most 36.
        DebugWriter writer = writer(uart, 8, 64);
        writer.print("b"); // in flight: the output buffer is away until the UART is done
        assertThat(writer.availableLen()).isEqualTo(36);
        writer.print("a".repeat(50));
        assertThat(writer.availableLen()).isZero();
        uart.drain();
        assertThat(uart.text()).isEqualTo("b" + "a".repeat(36) + "\n*** DEBUG BUFFER FULL ***\n");
    }

    @Test
    void bytesTheUartRefusesAreLostAsInTock() {
        HeldUart uart = new HeldUart();
        DebugWriter writer = writer(uart, 64, 1984);
        uart.refuse = true;
        writer.println("lost");
        uart.refuse = false;
        writer.println("kept");
        uart.drain();
        assertThat(uart.text()).isEqualTo("kept\r\n");
    }

    @Test
    void verboseLinesAreNumberedAndNameTheirSource() {
        HeldUart uart = new HeldUart();
        DebugWriter writer = writer(uart, 64, 1984);
        writer.verbosePrintln("capsules/core/src/led.rs", 42, "first");
        writer.verbosePrintln("capsules/core/src/led.rs", 43, "second");
        uart.drain();
        assertThat(uart.text()).isEqualTo("TOCK_DEBUG(1): capsules/core/src/led.rs:42: first\r\n"
                + "TOCK_DEBUG(2): capsules/core/src/led.rs:43: second\r\n");
        assertThat(writer.count()).isEqualTo(2);
    }
}
