package org.tock4j.capsules.core.virtualizers;

import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.UartData;
import org.tock4j.kernel.hil.uart.UartError;

/**
 * One user's share of a {@link MuxUart}: a UART data path of its own.
 *
 * <pre>{@code
 * UartDevice consoleUart = new UartDevice(mux, true);   // true: also receives
 * consoleUart.setup();                                    // joins the mux; required before use
 * consoleUart.setTransmitClient(console);
 * consoleUart.setReceiveClient(console);
 * }</pre>
 *
 * <p>A transmission is queued on the mux and started from a deferred call, so a failure to start reaches
 * the client from the kernel loop, never from inside {@code transmitBuffer}. Receptions of all receiving
 * devices share one hardware reception; each device gets a copy of the bytes it asked for.
 *
 * <p>{@code transmitAbort} and {@code receiveWord} answer {@code FAIL}; {@code receiveAbort} answers
 * {@code BUSY} and the client is told with {@code CANCEL}, as in Tock.
 *
 * <p>Tock counterpart: {@code capsules_core::virtualizers::virtual_uart::UartDevice}.
 */
public final class UartDevice implements UartData {

    enum ReceiveState {
        Idle,
        Receiving,
        Aborting
    }

    private final MuxUart mux;
    private final boolean receiver;
    private boolean joined;
    private TransmitClient txClient;
    private ReceiveClient rxClient;

    private byte[] txBuffer;
    private boolean transmitting;
    private Operation operation;

    private ReceiveState state = ReceiveState.Idle;
    private byte[] rxBuffer;
    private int rxPosition;
    private int rxLen;

    /** The mux's list link (Tock's {@code ListLink}). */
    UartDevice next;

    /** @param receiver whether the mux hands this device incoming bytes */
    public UartDevice(MuxUart mux, boolean receiver) {
        this.mux = Objects.requireNonNull(mux, "mux");
        this.receiver = receiver;
    }

    /** Joins the mux's list of devices; call once, right after construction. */
    public void setup() {
        if (joined) {
            throw new IllegalStateException("UartDevice.setup() called twice");
        }
        joined = true;
        mux.pushHead(this);
    }

    @Override
    public void setTransmitClient(TransmitClient client) {
        this.txClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public void setReceiveClient(ReceiveClient client) {
        this.rxClient = Objects.requireNonNull(client, "client");
    }

    /** {@code SIZE} for an empty transmission, {@code BUSY} while this device's previous one is queued or in flight. */
    @Override
    public Result<Void, RejectedBuffer> transmitBuffer(byte[] txData, int txLen) {
        requireJoined();
        if (txLen == 0) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, txData));
        }
        if (transmitting) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, txData));
        }
        txBuffer = txData;
        transmitting = true;
        operation = new Operation.Transmit(txLen);
        mux.doNextOpAsync();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> transmitWord(int word) {
        requireJoined();
        if (transmitting) {
            return Result.err(ErrorCode.BUSY);
        }
        transmitting = true;
        operation = new Operation.TransmitWord(word);
        mux.doNextOpAsync();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> transmitAbort() {
        return Result.err(ErrorCode.FAIL);
    }

    /** {@code BUSY} while this device is receiving, {@code SIZE} if {@code rxLen} exceeds the buffer. */
    @Override
    public Result<Void, RejectedBuffer> receiveBuffer(byte[] rxData, int rxLength) {
        requireJoined();
        if (rxBuffer != null) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, rxData));
        }
        if (rxLength < 0 || rxLength > rxData.length) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, rxData));
        }
        rxBuffer = rxData;
        rxLen = rxLength;
        rxPosition = 0;
        state = ReceiveState.Idle;
        Result<Boolean, ErrorCode> started = mux.startReceive(rxLength);
        if (started instanceof Result.Err<Boolean, ErrorCode>(ErrorCode error)) {
            rxBuffer = null;
            return Result.err(new RejectedBuffer(error, rxData));
        }
        state = ReceiveState.Receiving;
        return Result.ok();
    }

    /** Aborts this device's reception only; the others continue. Always {@code BUSY}: a callback follows. */
    @Override
    public Result<Void, ErrorCode> receiveAbort() {
        state = ReceiveState.Aborting;
        mux.uart().receiveAbort();
        return Result.err(ErrorCode.BUSY);
    }

    @Override
    public Result<Void, ErrorCode> receiveWord() {
        return Result.err(ErrorCode.FAIL);
    }

    private void requireJoined() {
        if (!joined) {
            throw new IllegalStateException("UartDevice used before setup(): the mux does not know it");
        }
    }

    // ---- state the mux reads and writes (Tock's Cells, reached by the mux directly) ----

    boolean receiver() {
        return receiver;
    }

    Operation takeOperation() {
        Operation op = operation;
        operation = null;
        return op;
    }

    boolean hasOperation() {
        return operation != null;
    }

    byte[] takeTxBuffer() {
        byte[] buffer = txBuffer;
        txBuffer = null;
        return buffer;
    }

    ReceiveState state() {
        return state;
    }

    void state(ReceiveState value) {
        state = value;
    }

    byte[] takeRxBuffer() {
        byte[] buffer = rxBuffer;
        rxBuffer = null;
        return buffer;
    }

    void replaceRxBuffer(byte[] buffer) {
        rxBuffer = buffer;
    }

    int rxPosition() {
        return rxPosition;
    }

    void rxPosition(int value) {
        rxPosition = value;
    }

    int rxLen() {
        return rxLen;
    }

    // ---- completions the mux forwards (Tock's TransmitClient/ReceiveClient impls of UartDevice) ----

    void transmittedBuffer(byte[] buffer, int txLen, Result<Void, ErrorCode> rcode) {
        if (txClient != null) {
            transmitting = false;
            txClient.transmittedBuffer(buffer, txLen, rcode);
        }
    }

    void transmittedWord(Result<Void, ErrorCode> rcode) {
        if (txClient != null) {
            transmitting = false;
            txClient.transmittedWord(rcode);
        }
    }

    void receivedBuffer(byte[] buffer, int length, Result<Void, ErrorCode> rcode, UartError error) {
        if (rxClient != null) {
            state = ReceiveState.Idle;
            rxClient.receivedBuffer(buffer, length, rcode, error);
        }
    }
}
