package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.UsartModel.*;

import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The UART HIL on a SAM4L USART with PDCA DMA, as Tock's driver does it: a buffer goes out through the TX
 * channel, and the client hears from the TXEMPTY interrupt once the last stop bit left the line; a reception
 * fills the buffer through the RX channel and completes on its transfer-complete interrupt.
 *
 * <pre>{@code
 * Usart console = chip.usart(3);
 * console.setMode(UsartMode.Uart);
 * console.configure(Parameters.console115200());     // BRGR from the PM's 48 MHz: 115108 baud
 * console.setTransmitClient(client);
 * console.transmitBuffer("Hello".getBytes(), 5);
 * }</pre>
 *
 * <p>Every register access goes through a "register manager" as in Tock: it switches the USART's PM clock
 * on first and off again afterwards unless an interrupt is enabled or a DMA channel is active.
 *
 * <p>Differences from Tock's driver, each to honour the HIL's promises: {@link #receiveBuffer} is
 * {@code BUSY} while a reception runs (Tock restarts the DMA and loses the first buffer); an abort
 * ({@link #receiveAbort}, {@link #transmitAbort}) reports {@code CANCEL} from a deferred call, never from
 * inside the request (Tock calls the transmit client synchronously), and an abort with nothing running is
 * {@code Ok}. Transfers longer than the PDCA channel's DMA buffer ({@value Sam4lMemoryMap#DMA_BUFFER_SIZE}
 * bytes) are {@code SIZE}.
 *
 * <p>Tock counterpart: {@code sam4l::usart::USART} (UART mode).
 */
@SuppressWarnings("try") // a register manager is held for its clock, not referenced
public final class Usart implements Uart, DmaClient, DeferredCallClient {

    private enum RxState { Idle, DmaReceiving }

    private enum TxState { Idle, DmaTransmitting, TransferCompleting }

    private final int index;
    private final MmioRegisters registers;
    private final PowerManager pm;
    private final Clock clock;
    private final DmaPeripheral rxDmaPeripheral;
    private final DmaPeripheral txDmaPeripheral;
    private UsartMode mode = UsartMode.Unused;
    private TxState txState = TxState.Idle;
    private RxState rxState = RxState.Idle;
    private DmaChannel rxDma;
    private DmaChannel txDma;
    private int rxLen;
    private int txLen;
    private ReceiveClient rxClient;
    private TransmitClient txClient;
    private DeferredCall deferredCall;
    private AbortedRx abortedRx;
    private AbortedTx abortedTx;

    private record AbortedRx(byte[] buffer, int length, Result<Void, ErrorCode> rcode, UartError error) {}

    private record AbortedTx(byte[] buffer, int length, Result<Void, ErrorCode> rcode) {}

    Usart(PhysicalMemory bus, int index, PowerManager pm) {
        this.index = Objects.checkIndex(index, 4);
        this.registers = new MmioRegisters(Objects.requireNonNull(bus, "bus"), Sam4lMemoryMap.usartBase(index));
        this.pm = Objects.requireNonNull(pm, "pm");
        this.clock = Clock.Pba.values()[Clock.Pba.USART0.ordinal() + index];
        this.rxDmaPeripheral = DmaPeripheral.values()[DmaPeripheral.USART0_RX.ordinal() + index];
        this.txDmaPeripheral = DmaPeripheral.fromId(DmaPeripheral.USART0_TX.id() + index);
    }

    /** USART0..USART3. */
    public int index() {
        return index;
    }

    /** Wires the PDCA channels (the chip does it, as Tock's {@code setup_circular_deps}). */
    public void setDma(DmaChannel rx, DmaChannel tx) {
        this.rxDma = Objects.requireNonNull(rx, "rx");
        this.txDma = Objects.requireNonNull(tx, "tx");
    }

    /** Gives the driver the deferred call that reports aborts (the chip does it at set-up). */
    void useDeferredCall(DeferredCall call) {
        this.deferredCall = Objects.requireNonNull(call, "call");
    }

    // ---- the register manager ----

    /** Tock's {@code USARTRegManager}: the clock on while in use, off after unless still needed. */
    private final class RegManager implements AutoCloseable {
        RegManager() {
            if (!pm.isClockEnabled(clock)) {
                pm.enableClock(clock);
            }
        }

        @Override
        public void close() {
            boolean interruptsActive = (registers.read(IMR)
                    & (RXBUFF | TXEMPTY | TIMEOUT | PARE | FRAME | OVRE | TXRDY | RXRDY)) != 0;
            boolean rxActive = rxDma != null && rxDma.isEnabled();
            boolean txActive = txDma != null && txDma.isEnabled();
            if (!(rxActive || txActive || interruptsActive)) {
                pm.disableClock(clock);
            }
        }
    }

    /** Sets the USART's use once; it starts with interrupts off and the transmitter and receiver reset. */
    public void setMode(UsartMode newMode) {
        if (mode != UsartMode.Unused) {
            throw new IllegalStateException("USART" + index + ": changing the mode of a USART in use ("
                    + mode + ") is not supported, as in Tock");
        }
        mode = Objects.requireNonNull(newMode, "mode");
        try (RegManager usart = new RegManager()) {
            disableInterrupts();
            reset();
        }
    }

    public UsartMode mode() {
        return mode;
    }

    private void enableRx() {
        registers.write(CR, CR_RXEN);
    }

    private void enableTx() {
        registers.write(CR, CR_TXEN);
    }

    private void disableRx() {
        registers.write(CR, CR_RXDIS);
        rxState = RxState.Idle;
    }

    private void disableTx() {
        registers.write(CR, CR_TXDIS);
        txState = TxState.Idle;
    }

    private void abortRx(Result<Void, ErrorCode> rcode, UartError error) {
        if (rxState == RxState.DmaReceiving) {
            disableRxInterrupts();
            disableRx();
            rxState = RxState.Idle;
            int length = 0;
            byte[] buffer = null;
            if (rxDma != null) {
                length = rxLen - rxDma.transferCounter();
                buffer = rxDma.abortTransfer().orElse(null);
                rxDma.disable();
            }
            rxLen = 0;
            abortedRx = buffer == null ? null : new AbortedRx(buffer, length, rcode, error);
            deferredCall().set();
        }
    }

    private void abortTx(Result<Void, ErrorCode> rcode) {
        if (txState == TxState.DmaTransmitting) {
            disableTxInterrupts();
            disableTx();
            txState = TxState.Idle;
            int length = 0;
            byte[] buffer = null;
            if (txDma != null) {
                length = txLen - txDma.transferCounter();
                buffer = txDma.abortTransfer().orElse(null);
                txDma.disable();
            }
            txLen = 0;
            abortedTx = buffer == null ? null : new AbortedTx(buffer, length, rcode);
            deferredCall().set();
        }
    }

    private DeferredCall deferredCall() {
        if (deferredCall == null) {
            throw new IllegalStateException("USART" + index + " has no deferred call: call "
                    + "Sam4lDefaultPeripherals.setupCircularDeps(deferredCalls) at boot");
        }
        return deferredCall;
    }

    private void enableTxEmptyInterrupt() {
        registers.write(IER, TXEMPTY);
    }

    private void disableTxEmptyInterrupt() {
        registers.write(IDR, TXEMPTY);
    }

    private void enableRxErrorInterrupts() {
        registers.write(IER, PARE | FRAME | OVRE);
    }

    private void disableRxInterrupts() {
        registers.write(IDR, RXBUFF | TIMEOUT | PARE | FRAME | OVRE | RXRDY);
    }

    private void disableTxInterrupts() {
        registers.write(IDR, TXEMPTY | TXRDY);
    }

    private void disableInterrupts() {
        disableRxInterrupts();
        disableTxInterrupts();
    }

    private void reset() {
        registers.write(CR, CR_RSTSTA | CR_RSTTX | CR_RSTRX);
        abortRx(Result.err(ErrorCode.FAIL), UartError.ResetError);
        abortTx(Result.err(ErrorCode.FAIL));
    }

    /** The USART interrupt: a finished transmission (TXEMPTY) or a receive error. */
    public void handleInterrupt() {
        try (RegManager usart = new RegManager()) {
            int status = registers.read(CSR);
            int mask = registers.read(IMR);
            if ((status & TIMEOUT) != 0 && (mask & TIMEOUT) != 0) {
                disableRxTimeout();
                abortRx(Result.ok(), UartError.Aborted);
            } else if ((status & TXEMPTY) != 0 && (mask & TXEMPTY) != 0) {
                disableTxEmptyInterrupt();
                disableTx();
                txState = TxState.Idle;
                // The whole transmission has left the line: only now does the buffer go back.
                Optional<byte[]> buffer = Optional.empty();
                if (txDma != null) {
                    buffer = txDma.abortTransfer();
                    txDma.disable();
                }
                if (buffer.isPresent()) {
                    int len = txLen;
                    txLen = 0;
                    if (txClient != null) {
                        txClient.transmittedBuffer(buffer.get(), len, Result.ok());
                    }
                }
            } else if ((status & PARE) != 0) {
                abortRx(Result.err(ErrorCode.FAIL), UartError.ParityError);
            } else if ((status & FRAME) != 0) {
                abortRx(Result.err(ErrorCode.FAIL), UartError.FramingError);
            } else if ((status & OVRE) != 0) {
                abortRx(Result.err(ErrorCode.FAIL), UartError.OverrunError);
            }
            registers.write(CR, CR_RSTSTA);
        }
    }

    private void setBaudRate(int baudRate) {
        int systemFrequency = pm.getSystemFrequency();
        if (mode == UsartMode.Uart) {
            int uartBaudRate = 8 * baudRate;
            int cd = systemFrequency / uartBaudRate;
            int fp = (systemFrequency + baudRate / 2) / baudRate - 8 * cd;
            registers.write(BRGR, (fp & 0b111) << BRGR_FP_SHIFT | (cd & BRGR_CD_MASK));
        }
    }

    private void disableRxTimeout() {
        registers.write(RTOR, 0);
        registers.write(IDR, TIMEOUT);
    }

    // ---- DeferredCallClient ----

    @Override
    public void handleDeferredCall() {
        AbortedRx rx = abortedRx;
        abortedRx = null;
        if (rx != null && rxClient != null) {
            rxClient.receivedBuffer(rx.buffer(), rx.length(), rx.rcode(), rx.error());
        }
        AbortedTx tx = abortedTx;
        abortedTx = null;
        if (tx != null && txClient != null) {
            txClient.transmittedBuffer(tx.buffer(), tx.length(), tx.rcode());
        }
    }

    @Override
    public void register() {
        deferredCall().register(this);
    }

    // ---- DmaClient ----

    @Override
    public void transferDone(DmaPeripheral pid) {
        try (RegManager usart = new RegManager()) {
            if (mode != UsartMode.Uart) {
                return;
            }
            if (pid == rxDmaPeripheral) {
                disableRxInterrupts();
                disableRx();
                rxState = RxState.Idle;
                Optional<byte[]> buffer = Optional.empty();
                if (rxDma != null) {
                    buffer = rxDma.abortTransfer();
                    rxDma.disable();
                }
                if (buffer.isPresent()) {
                    int length = rxLen;
                    rxLen = 0;
                    if (rxClient != null) {
                        rxClient.receivedBuffer(buffer.get(), length, Result.ok(), UartError.None);
                    }
                }
            } else if (pid == txDmaPeripheral) {
                // The PDCA is done, but the last characters are still in THR and the shifter.
                txState = TxState.TransferCompleting;
                enableTxEmptyInterrupt();
            }
        }
    }

    // ---- Receive ----

    @Override
    public void setReceiveClient(ReceiveClient client) {
        this.rxClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, RejectedBuffer> receiveBuffer(byte[] rxBuffer, int rxLen) {
        if (rxLen < 0 || rxLen > rxBuffer.length || (rxDma != null && rxLen > rxDma.maxTransfers())) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, rxBuffer));
        }
        if (rxState != RxState.Idle) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, rxBuffer));
        }
        if (rxDma == null) {
            return Result.err(new RejectedBuffer(ErrorCode.OFF, rxBuffer));
        }
        try (RegManager usart = new RegManager()) {
            enableRx();
            enableRxErrorInterrupts();
            rxState = RxState.DmaReceiving;
            rxDma.enable();
            this.rxLen = rxLen;
            rxDma.doTransfer(rxDmaPeripheral, rxBuffer, rxLen);
        }
        return Result.ok();
    }

    /** Aborts a reception: {@code BUSY}, and the client hears {@code CANCEL} from a deferred call. */
    @Override
    public Result<Void, ErrorCode> receiveAbort() {
        try (RegManager usart = new RegManager()) {
            disableRxTimeout();
            if (rxState == RxState.Idle) {
                return Result.ok();
            }
            abortRx(Result.err(ErrorCode.CANCEL), UartError.Aborted);
        }
        return Result.err(ErrorCode.BUSY);
    }

    @Override
    public Result<Void, ErrorCode> receiveWord() {
        return Result.err(ErrorCode.FAIL);
    }

    // ---- Transmit ----

    @Override
    public void setTransmitClient(TransmitClient client) {
        this.txClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, RejectedBuffer> transmitBuffer(byte[] txBuffer, int txLen) {
        if (txState != TxState.Idle) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, txBuffer));
        }
        if (txLen < 0 || txLen > txBuffer.length || (txDma != null && txLen > txDma.maxTransfers())) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, txBuffer));
        }
        if (txDma == null) {
            return Result.err(new RejectedBuffer(ErrorCode.OFF, txBuffer));
        }
        try (RegManager usart = new RegManager()) {
            enableTx();
            txState = TxState.DmaTransmitting;
            txDma.enable();
            this.txLen = txLen;
            txDma.doTransfer(txDmaPeripheral, txBuffer, txLen);
        }
        return Result.ok();
    }

    /** Aborts a transmission still in the PDCA: {@code BUSY}, and the client hears {@code CANCEL} later. */
    @Override
    public Result<Void, ErrorCode> transmitAbort() {
        if (txState == TxState.Idle) {
            return Result.ok();
        }
        try (RegManager usart = new RegManager()) {
            abortTx(Result.err(ErrorCode.CANCEL));
        }
        return Result.err(ErrorCode.BUSY);
    }

    @Override
    public Result<Void, ErrorCode> transmitWord(int word) {
        return Result.err(ErrorCode.FAIL);
    }

    // ---- Configure ----

    /** 8 data bits, the given parity and stop bits, optional hardware handshaking; {@code OFF} unless in UART mode. */
    @Override
    public Result<Void, ErrorCode> configure(Parameters parameters) {
        if (mode != UsartMode.Uart) {
            return Result.err(ErrorCode.OFF);
        }
        try (RegManager usart = new RegManager()) {
            int value = MR_OVER | 0b11 << MR_CHRL_SHIFT; // oversample 8×, 8-bit characters, CLK_USART
            value |= switch (parameters.stopBits()) {
                case One -> 0;
                case Two -> 0b10 << MR_NBSTOP_SHIFT;
            };
            value |= switch (parameters.parity()) {
                case None -> PAR_NONE << MR_PAR_SHIFT;
                case Odd -> 0b001 << MR_PAR_SHIFT;
                case Even -> 0;
            };
            value |= parameters.hwFlowControl() ? MODE_HARD_HAND : MODE_NORMAL;
            registers.write(MR, value);
            setBaudRate(parameters.baudRate());
        }
        return Result.ok();
    }

    @Override
    public String toString() {
        return "Usart[" + index + ", " + mode + ", tx " + txState + ", rx " + rxState + "]";
    }
}
