package org.tock4j.capsules.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.hil.uart.UartError;

/**
 * A hardware UART a test drives by hand: a transmission stays in flight until {@link #completeTransmission()}
 * (which records its bytes), and a reception waits until the test {@link #receive(byte) types} a byte into it.
 * Completions reach the clients only from those test calls, never from inside a request.
 */
public final class FakeUart implements Uart {
    private TransmitClient txClient;
    private ReceiveClient rxClient;
    private byte[] txBuffer;
    private int txLen;
    private byte[] rxBuffer;
    private int rxLen;
    private boolean rxAbortRequested;
    private final List<byte[]> transmissions = new ArrayList<>();
    private int taken;

    @Override
    public Result<Void, ErrorCode> configure(Parameters params) {
        return Result.ok();
    }

    @Override
    public void setTransmitClient(TransmitClient client) {
        this.txClient = client;
    }

    @Override
    public void setReceiveClient(ReceiveClient client) {
        this.rxClient = client;
    }

    @Override
    public Result<Void, RejectedBuffer> transmitBuffer(byte[] buffer, int length) {
        if (txBuffer != null) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, buffer));
        }
        if (length == 0 || length > buffer.length) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, buffer));
        }
        txBuffer = buffer;
        txLen = length;
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> transmitWord(int word) {
        return Result.err(ErrorCode.NOSUPPORT);
    }

    @Override
    public Result<Void, ErrorCode> transmitAbort() {
        return Result.err(ErrorCode.FAIL);
    }

    @Override
    public Result<Void, RejectedBuffer> receiveBuffer(byte[] buffer, int length) {
        if (rxBuffer != null) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, buffer));
        }
        if (length == 0 || length > buffer.length) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, buffer));
        }
        rxBuffer = buffer;
        rxLen = length;
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> receiveWord() {
        return Result.err(ErrorCode.NOSUPPORT);
    }

    /** The reception ends with {@code CANCEL} at the next {@link #completeTransmission()}. */
    @Override
    public Result<Void, ErrorCode> receiveAbort() {
        if (rxBuffer == null) {
            return Result.ok();
        }
        rxAbortRequested = true;
        return Result.err(ErrorCode.BUSY);
    }

    // ---- test side ----

    /**
     * Finishes what the hardware has in flight: an aborted reception, else the transmission, recording its
     * bytes. Whether there was anything to finish.
     */
    public boolean completeTransmission() {
        if (rxAbortRequested) {
            rxAbortRequested = false;
            byte[] buffer = rxBuffer;
            rxBuffer = null;
            rxClient.receivedBuffer(buffer, 0, Result.err(ErrorCode.CANCEL), UartError.Aborted);
            return true;
        }
        if (txBuffer == null) {
            return false;
        }
        byte[] buffer = txBuffer;
        int length = txLen;
        txBuffer = null;
        transmissions.add(Arrays.copyOf(buffer, length));
        txClient.transmittedBuffer(buffer, length, Result.ok());
        return true;
    }

    /** Whether a reception waits for bytes. */
    public boolean receiving() {
        return rxBuffer != null;
    }

    /** A byte arrives; the waiting reception of one byte completes with it. */
    public void receive(byte value) {
        if (rxBuffer == null) {
            throw new IllegalStateException("nobody is reading the UART: the byte " + value + " would be lost");
        }
        if (rxLen != 1) {
            throw new IllegalStateException("this fake completes one-byte reads only, not " + rxLen);
        }
        byte[] buffer = rxBuffer;
        rxBuffer = null;
        buffer[0] = value;
        rxClient.receivedBuffer(buffer, 1, Result.ok(), UartError.None);
    }

    /** Every completed transmission so far, one entry each. */
    public List<String> transmissions() {
        return transmissions.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    /** The length in bytes of every completed transmission so far. */
    public List<Integer> transmissionLengths() {
        return transmissions.stream().map(bytes -> bytes.length).toList();
    }

    /** What went out since the previous call, as text. */
    public String takeOutput() {
        List<byte[]> fresh = transmissions.subList(taken, transmissions.size());
        int size = fresh.stream().mapToInt(b -> b.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] bytes : fresh) {
            System.arraycopy(bytes, 0, all, at, bytes.length);
            at += bytes.length;
        }
        taken = transmissions.size();
        // Decoded whole: a character may span two transmissions.
        return new String(all, StandardCharsets.UTF_8);
    }
}
