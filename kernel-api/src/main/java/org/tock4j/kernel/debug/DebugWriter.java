package org.tock4j.kernel.debug;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.Transmit;
import org.tock4j.kernel.hil.uart.TransmitClient;

/**
 * Queues debug text and sends it on a UART as fast as the UART takes it, one output buffer at a time.
 *
 * <p>Text goes into a ring buffer first; whenever the output buffer is free, up to its length in bytes move
 * from the ring into it and go to the UART. When a message does not fit in the ring, the part that fits is
 * kept, followed by {@value #FULL_MESSAGE_TEXT}, and the rest is dropped.
 *
 * <pre>{@code
 * DebugWriter debug = new DebugWriter(uartDevice, new byte[64], 2048 - 64);
 * uartDevice.setTransmitClient(debug);
 * debug.println("[1] cmd(0x2, 1, 0x0, 0x0) = Success");
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::debug::DebugWriter} with its {@code DebugWriterWrapper}
 * ({@code debug!}, {@code debug_verbose!}, {@code debug_available_len}).
 */
public final class DebugWriter implements TransmitClient {

    private static final String FULL_MESSAGE_TEXT = "\n*** DEBUG BUFFER FULL ***\n";
    private static final byte[] FULL_MESSAGE = FULL_MESSAGE_TEXT.getBytes(StandardCharsets.US_ASCII);

    private final Transmit uart;
    private final ByteRing internal;
    /** The buffer lent to the UART; {@code null} while a transmission holds it. */
    private byte[] outputBuffer;
    private int count;

    /**
     * @param uart where the text goes
     * @param outputBuffer the buffer handed to the UART (Tock's boards use 64 bytes)
     * @param internalBufferLength the ring buffer's length; it holds one byte less
     */
    public DebugWriter(Transmit uart, byte[] outputBuffer, int internalBufferLength) {
        this.uart = Objects.requireNonNull(uart, "uart");
        this.outputBuffer = Objects.requireNonNull(outputBuffer, "outputBuffer");
        this.internal = new ByteRing(internalBufferLength);
    }

    /** {@code debug!}: the text and {@code "\r\n"}, then send what can be sent. */
    public void println(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
        write(new byte[] {'\r', '\n'});
        publishBytes();
    }

    /** The text without a line end, then send what can be sent. */
    public void print(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
        publishBytes();
    }

    /** {@code debug_verbose!}: a numbered line naming where it comes from. */
    public void verbosePrintln(String file, int line, String text) {
        count++;
        write(String.format("TOCK_DEBUG(%d): %s:%d: ", count, file, line).getBytes(StandardCharsets.UTF_8));
        println(text);
    }

    /** How many {@link #verbosePrintln verbose} lines were written. */
    public int count() {
        return count;
    }

    /** Bytes a message can still take before the writer reports it full ({@code debug_available_len}). */
    public int availableLen() {
        return Math.max(0, internal.availableLen() - FULL_MESSAGE.length);
    }

    /** Queues {@code bytes}, or the part that fits followed by the buffer-full notice; returns how many fit. */
    int write(byte[] bytes) {
        int room = availableLen();
        if (room >= bytes.length) {
            for (byte b : bytes) {
                internal.enqueue(b);
            }
            return bytes.length;
        }
        for (int i = 0; i < room; i++) {
            internal.enqueue(bytes[i]);
        }
        for (byte b : FULL_MESSAGE) {
            internal.enqueue(b);
        }
        return room;
    }

    /** Moves as much queued text as the output buffer holds to the UART; returns the bytes moved. */
    int publishBytes() {
        byte[] out = outputBuffer;
        if (out == null) {
            return 0; // the UART has it; transmittedBuffer sends the rest
        }
        int n = 0;
        while (n < out.length && internal.hasElements()) {
            out[n++] = internal.dequeue();
        }
        if (n != 0) {
            outputBuffer = null;
            Result<Void, RejectedBuffer> sent = uart.transmitBuffer(out, n);
            if (sent.isErr()) {
                // As in Tock, the bytes taken from the ring are lost; the buffer comes back.
                outputBuffer = sent.unwrapErr().buffer();
            }
        }
        return n;
    }

    @Override
    public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval) {
        outputBuffer = txBuffer;
        if (internal.hasElements()) {
            publishBytes();
        }
    }

    @Override
    public void transmittedWord(Result<Void, ErrorCode> rval) {}

    /** A byte queue that holds one byte less than its length, as Tock's {@code RingBuffer} does. */
    private static final class ByteRing {
        private final byte[] ring;
        private int head;
        private int tail;

        ByteRing(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("ring buffer length must be positive: " + length);
            }
            ring = new byte[length];
        }

        boolean hasElements() {
            return head != tail;
        }

        int len() {
            return tail >= head ? tail - head : ring.length - head + tail;
        }

        int availableLen() {
            return Math.max(0, ring.length - 1 - len());
        }

        /** Adds {@code b} unless full; returns whether it was added. */
        boolean enqueue(byte b) {
            if ((tail + 1) % ring.length == head) {
                return false;
            }
            ring[tail] = b;
            tail = (tail + 1) % ring.length;
            return true;
        }

        byte dequeue() {
            byte b = ring[head];
            head = (head + 1) % ring.length;
            return b;
        }
    }
}
