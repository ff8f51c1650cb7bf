package org.tock4j.capsules.core.virtualizers;

import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.Parity;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.StopBits;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.hil.uart.Width;

/**
 * Shares one UART among several {@link UartDevice}s: transmissions go out one at a time, receptions are
 * copied to every receiving device.
 *
 * <pre>{@code
 * MuxUart mux = new MuxUart(uarte0, 115_200, deferredCalls);
 * mux.register();                      // its deferred call
 * mux.initialize();                    // 8N1 at the given speed
 * uarte0.setTransmitClient(mux);
 * uarte0.setReceiveClient(mux);
 * }</pre>
 *
 * <p>Transmit: a device queues its buffer and the mux starts queued transmissions from a deferred call, one
 * at a time, the first queued device in list order (the most recently set-up first) next. Receive: the mux
 * reads the shortest length any receiving device still wants into its own {@value #RX_BUF_LEN}-byte buffer,
 * copies the bytes into every receiving device, completes the devices that have all they asked for, and
 * reads again while any device wants more.
 *
 * <p>Tock counterpart: {@code capsules_core::virtualizers::virtual_uart::MuxUart}; a board builds it as
 * Tock's {@code UartMuxComponent} does.
 */
public final class MuxUart implements TransmitClient, ReceiveClient, DeferredCallClient {

    /** Length of the mux's receive buffer, as in Tock. */
    public static final int RX_BUF_LEN = 64;

    private final Uart uart;
    private final int speed;
    private final DeferredCall deferredCall;
    private UartDevice head;
    private UartDevice inflight;
    /** The receive buffer; {@code null} while the hardware holds it. */
    private byte[] buffer = new byte[RX_BUF_LEN];
    private boolean completingRead;

    /** @param speed the baud rate {@link #initialize()} configures */
    public MuxUart(Uart uart, int speed, DeferredCalls deferredCalls) {
        this.uart = Objects.requireNonNull(uart, "uart");
        this.speed = speed;
        this.deferredCall = Objects.requireNonNull(deferredCalls, "deferredCalls").create();
    }

    /** Configures the UART: the mux's speed, 8 data bits, no parity, one stop bit, no flow control. */
    public void initialize() {
        uart.configure(new Parameters(speed, Width.Eight, Parity.None, StopBits.One, false));
    }

    @Override
    public void register() {
        deferredCall.register(this);
    }

    @Override
    public void handleDeferredCall() {
        doNextOp();
    }

    @Override
    public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rcode) {
        UartDevice device = inflight;
        inflight = null;
        if (device != null) {
            device.transmittedBuffer(txBuffer, txLen, rcode);
        }
        doNextOp();
    }

    /** Tock's mux drops word completions; here they complete the device's word transmission. */
    @Override
    public void transmittedWord(Result<Void, ErrorCode> rval) {
        UartDevice device = inflight;
        inflight = null;
        if (device != null) {
            device.transmittedWord(rval);
        }
        doNextOp();
    }

    @Override
    public void receivedBuffer(byte[] rxBuffer, int rxLen, Result<Void, ErrorCode> rcode, UartError error) {
        // The next hardware read is the shortest one any device still wants.
        int nextReadLen = rxBuffer.length;
        boolean readPending = false;
        // Devices may start a new receive from their callback; the hardware read restarts after all ran.
        completingRead = true;

        // Copy first, then call back: a callback may start a new read on its device.
        for (UartDevice device = head; device != null; device = device.next) {
            if (!device.receiver()) {
                continue;
            }
            byte[] rxbuf = device.takeRxBuffer();
            if (rxbuf == null) {
                continue;
            }
            int position = device.rxPosition();
            int len = Math.min(rxLen, device.rxLen() - position);
            UartDevice.ReceiveState state = device.state();
            if (state == UartDevice.ReceiveState.Receiving || state == UartDevice.ReceiveState.Aborting) {
                System.arraycopy(rxBuffer, 0, rxbuf, position, len);
            }
            device.rxPosition(position + len);
            device.replaceRxBuffer(rxbuf);
        }

        for (UartDevice device = head; device != null; device = device.next) {
            if (!device.receiver()) {
                continue;
            }
            byte[] rxbuf = device.takeRxBuffer();
            if (rxbuf == null) {
                continue;
            }
            int position = device.rxPosition();
            int remaining = device.rxLen() - position;
            if (remaining == 0) {
                device.state(UartDevice.ReceiveState.Idle);
                device.receivedBuffer(rxbuf, position, rcode, error);
            } else if (device.state() == UartDevice.ReceiveState.Aborting) {
                device.state(UartDevice.ReceiveState.Idle);
                device.receivedBuffer(rxbuf, position, Result.err(ErrorCode.CANCEL), UartError.Aborted);
            } else {
                device.replaceRxBuffer(rxbuf);
                nextReadLen = Math.min(nextReadLen, remaining);
                readPending = true;
                continue;
            }
            if (device.state() == UartDevice.ReceiveState.Receiving) {
                // The callback started a new read.
                readPending = true;
                nextReadLen = Math.min(nextReadLen, device.rxLen());
            }
        }

        buffer = rxBuffer;
        completingRead = false;

        if (readPending && startReceive(nextReadLen) instanceof Result.Err<Boolean, ErrorCode>(ErrorCode e)) {
            for (UartDevice device = head; device != null; device = device.next) {
                if (!device.receiver() || device.state() != UartDevice.ReceiveState.Receiving) {
                    continue;
                }
                byte[] rxbuf = device.takeRxBuffer();
                if (rxbuf != null) {
                    device.state(UartDevice.ReceiveState.Idle);
                    device.receivedBuffer(rxbuf, device.rxPosition(), Result.err(e), UartError.Aborted);
                }
            }
        }
    }

    void pushHead(UartDevice device) {
        device.next = head;
        head = device;
    }

    Uart uart() {
        return uart;
    }

    /** Starts the next queued transmission later, from the kernel loop (Tock issue #1496). */
    void doNextOpAsync() {
        deferredCall.set();
    }

    /** Starts the first queued transmission if none is in flight. */
    private void doNextOp() {
        if (inflight != null) {
            return;
        }
        UartDevice node = head;
        while (node != null && !node.hasOperation()) {
            node = node.next;
        }
        if (node == null) {
            return;
        }
        switch (node.takeOperation()) {
            case Operation.Transmit(int len) -> {
                Result<Void, RejectedBuffer> started = uart.transmitBuffer(node.takeTxBuffer(), len);
                if (started instanceof Result.Err<Void, RejectedBuffer>(RejectedBuffer rejected)) {
                    node.transmittedBuffer(rejected.buffer(), 0, Result.err(rejected.error()));
                } else {
                    inflight = node;
                }
            }
            case Operation.TransmitWord(int word) -> {
                Result<Void, ErrorCode> started = uart.transmitWord(word);
                if (started.isErr()) {
                    node.transmittedWord(started);
                } else {
                    inflight = node;
                }
            }
        }
    }

    /**
     * Starts a hardware reception of up to {@code rxLen} bytes. {@code Ok(false)}: started, or left to the
     * completion in progress to restart; {@code Ok(true)}: a reception was in flight and has been aborted, its
     * completion will restart with the new length. On {@code Err} the mux keeps its buffer.
     */
    Result<Boolean, ErrorCode> startReceive(int rxLen) {
        if (buffer == null) {
            if (completingRead) {
                return Result.ok(false);
            }
            uart.receiveAbort();
            return Result.ok(true);
        }
        byte[] rxbuf = buffer;
        buffer = null;
        Result<Void, RejectedBuffer> started = uart.receiveBuffer(rxbuf, Math.min(rxLen, rxbuf.length));
        if (started instanceof Result.Err<Void, RejectedBuffer>(RejectedBuffer rejected)) {
            buffer = rejected.buffer();
            return Result.err(rejected.error());
        }
        return Result.ok(false);
    }
}
