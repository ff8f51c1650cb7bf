package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.UarteModel.*;

import java.util.Objects;
import java.util.OptionalInt;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.Parameters;
import org.tock4j.kernel.hil.uart.Parity;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.StopBits;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.Uart;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The UART HIL on the nRF52 UARTE, split-phase over EasyDMA as Tock's driver does it: transfers go out in
 * chunks of at most {@value #UARTE_MAX_BUFFER_SIZE} bytes, one ENDTX/ENDRX interrupt per chunk, and the
 * client hears once, from the interrupt handler, with its buffer.
 *
 * <pre>{@code
 * Uarte uart = chip.uarte0();
 * uart.initialize(6, 8, OptionalInt.of(7), OptionalInt.of(5));   // TXD P0.06, RXD P0.08, CTS, RTS
 * uart.configure(Parameters.console115200());
 * uart.setTransmitClient(client);
 * uart.transmitBuffer("Hello".getBytes(), 5);                      // later: transmittedBuffer(buf, 5, Ok)
 * }</pre>
 *
 * <p>Tock hands EasyDMA a pointer into the caller's static buffer. A Java buffer has no address, so each
 * chunk is copied into (and, for reception, out of) a DMA buffer in the chip's driver RAM; the UARTE reads
 * and writes only RAM, as on the silicon.
 *
 * <p>Tock counterpart: {@code nrf52::uart::Uarte}.
 */
public final class Uarte implements Uart {
    /** The largest chunk one DMA transfer moves (Tock's {@code UARTE_MAX_BUFFER_SIZE}). */
    public static final int UARTE_MAX_BUFFER_SIZE = 0xFF;

    private final MmioRegisters regs;
    private final PhysicalMemory bus;
    private final int txDmaBuffer;
    private final int rxDmaBuffer;

    private TransmitClient txClient;
    private byte[] txBuffer;
    private int txLen;
    private int txRemainingBytes;
    private int txOffset;

    private ReceiveClient rxClient;
    private byte[] rxBuffer;
    private int rxRemainingBytes;
    private boolean rxAbortInProgress;
    private int rxOffset;

    /**
     * The UARTE at {@code base}, with {@value #UARTE_MAX_BUFFER_SIZE}-byte DMA buffers in RAM at
     * {@code txDmaBuffer} and {@code rxDmaBuffer}.
     */
    public Uarte(PhysicalMemory bus, int base, int txDmaBuffer, int rxDmaBuffer) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.regs = new MmioRegisters(bus, base);
        this.txDmaBuffer = txDmaBuffer;
        this.rxDmaBuffer = rxDmaBuffer;
    }

    /**
     * Connects the UARTE to its pins (numbers as Tock's {@code Pinmux}: P0.06 is 6, P1.02 is 34) and enables
     * it; absent CTS/RTS are marked disconnected.
     */
    public void initialize(int txd, int rxd, OptionalInt cts, OptionalInt rts) {
        regs.write(PSEL_TXD, txd & 0x3F);
        regs.write(PSEL_RXD, rxd & 0x3F);
        regs.write(PSEL_CTS, cts.isPresent() ? cts.getAsInt() & 0x3F : 1 << 31);
        regs.write(PSEL_RTS, rts.isPresent() ? rts.getAsInt() & 0x3F : 1 << 31);
        // A bootloader may have left an ENDTX behind; the driver relies on ENDTX for DMA completion.
        regs.write(EVENTS_ENDTX, 0);
        enableUart();
    }

    private void setBaudRate(int baudRate) {
        int value = switch (baudRate) {
            case 1200 -> 0x0004_F000;
            case 2400 -> 0x0009_D000;
            case 4800 -> 0x0013_B000;
            case 9600 -> 0x0027_5000;
            case 14400 -> 0x003A_F000;
            case 19200 -> 0x004E_A000;
            case 28800 -> 0x0075_C000;
            case 38400 -> 0x009D_0000;
            case 57600 -> 0x00EB_0000;
            case 76800 -> 0x013A_9000;
            case 115200 -> 0x01D6_0000;
            case 230400 -> 0x03B0_0000;
            case 250000 -> 0x0400_0000;
            case 460800 -> 0x0740_0000;
            case 921600 -> 0x0F00_0000;
            case 1000000 -> 0x1000_0000;
            default -> 0x01D6_0000; // 115200 by default
        };
        regs.write(BAUDRATE, value);
    }

    private void enableUart() {
        regs.write(ENABLE, ENABLE_ENABLED);
    }

    /** Turns the UARTE off (for low-power boards). */
    public void disableUart() {
        regs.write(ENABLE, 0);
    }

    private void enableRxInterrupts() {
        regs.write(INTENSET, INT_ENDRX);
    }

    private void enableTxInterrupts() {
        regs.write(INTENSET, INT_ENDTX);
    }

    private void disableRxInterrupts() {
        regs.write(INTENCLR, INT_ENDRX);
    }

    private void disableTxInterrupts() {
        regs.write(INTENCLR, INT_ENDTX);
    }

    /** The UARTE interrupt: ENDTX continues or completes a transmission, ENDRX a reception. */
    public void handleInterrupt() {
        if (txReady()) {
            disableTxInterrupts();
            regs.write(EVENTS_ENDTX, 0);
            int txBytes = regs.read(TXD_AMOUNT);
            int rem = txRemainingBytes - txBytes;
            if (rem >= 0) {
                if (rem == 0) {
                    // All bytes sent: hand the buffer back.
                    byte[] buffer = txBuffer;
                    txBuffer = null;
                    if (txClient != null && buffer != null) {
                        txClient.transmittedBuffer(buffer, txLen, Result.ok());
                    }
                } else {
                    // More to send: the next chunk.
                    txOffset += txBytes;
                    txRemainingBytes = rem;
                    startTxChunk();
                }
            }
        }

        if (rxReady()) {
            disableRxInterrupts();
            regs.write(EVENTS_ENDRX, 0);
            int rxBytes = regs.read(RXD_AMOUNT);
            copyReceived(rxBytes);
            if (rxAbortInProgress) {
                // ENDRX after STOPRX: the reception was cancelled.
                rxAbortInProgress = false;
                byte[] buffer = rxBuffer;
                rxBuffer = null;
                if (rxClient != null && buffer != null) {
                    rxClient.receivedBuffer(buffer, rxOffset + rxBytes, Result.err(ErrorCode.CANCEL), UartError.None);
                }
            } else {
                rxRemainingBytes = Math.max(0, rxRemainingBytes - rxBytes);
                rxOffset += rxBytes;
                if (rxRemainingBytes == 0) {
                    byte[] buffer = rxBuffer;
                    rxBuffer = null;
                    if (rxClient != null && buffer != null) {
                        rxClient.receivedBuffer(buffer, rxOffset, Result.ok(), UartError.None);
                    }
                } else {
                    regs.write(RXD_MAXCNT, Math.min(rxRemainingBytes, UARTE_MAX_BUFFER_SIZE));
                    regs.write(RXD_PTR, rxDmaBuffer);
                    regs.write(TASKS_STARTRX, 1);
                    enableRxInterrupts();
                }
            }
        }
    }

    /** Whether ENDTX is set: a DMA transmission finished. */
    public boolean txReady() {
        return regs.read(EVENTS_ENDTX) != 0;
    }

    /** Whether ENDRX is set: a DMA reception finished. */
    public boolean rxReady() {
        return regs.read(EVENTS_ENDRX) != 0;
    }

    /** Sends the next chunk: copied into the DMA buffer, then STARTTX. */
    private void startTxChunk() {
        int chunk = Math.min(txRemainingBytes, UARTE_MAX_BUFFER_SIZE);
        bus.write(txDmaBuffer, txBuffer, txOffset, chunk);
        regs.write(TXD_PTR, txDmaBuffer);
        regs.write(TXD_MAXCNT, chunk);
        regs.write(TASKS_STARTTX, 1);
        enableTxInterrupts();
    }

    /** Copies what EasyDMA received into the client's buffer. */
    private void copyReceived(int rxBytes) {
        if (rxBuffer != null && rxBytes > 0) {
            int n = Math.min(rxBytes, rxBuffer.length - rxOffset);
            bus.read(rxDmaBuffer, rxBuffer, rxOffset, n);
        }
    }

    // ---- Transmit ----

    @Override
    public void setTransmitClient(TransmitClient client) {
        this.txClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, RejectedBuffer> transmitBuffer(byte[] txData, int txLen) {
        if (txLen <= 0 || txLen > txData.length) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, txData));
        }
        if (txBuffer != null) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, txData));
        }
        txRemainingBytes = txLen;
        this.txLen = txLen;
        txOffset = 0;
        txBuffer = txData;
        startTxChunk();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> transmitWord(int word) {
        return Result.err(ErrorCode.FAIL);
    }

    @Override
    public Result<Void, ErrorCode> transmitAbort() {
        return Result.err(ErrorCode.FAIL);
    }

    // ---- Configure ----

    /** Only 8N1-style lines without flow control: anything else is {@code NOSUPPORT}; unknown rates run at 115200. */
    @Override
    public Result<Void, ErrorCode> configure(Parameters params) {
        if (params.stopBits() != StopBits.One) {
            return Result.err(ErrorCode.NOSUPPORT);
        }
        if (params.parity() != Parity.None) {
            return Result.err(ErrorCode.NOSUPPORT);
        }
        if (params.hwFlowControl()) {
            return Result.err(ErrorCode.NOSUPPORT);
        }
        setBaudRate(params.baudRate());
        return Result.ok();
    }

    // ---- Receive ----

    @Override
    public void setReceiveClient(ReceiveClient client) {
        this.rxClient = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, RejectedBuffer> receiveBuffer(byte[] rxBuf, int rxLen) {
        if (rxBuffer != null) {
            return Result.err(new RejectedBuffer(ErrorCode.BUSY, rxBuf));
        }
        if (rxLen < 0) {
            return Result.err(new RejectedBuffer(ErrorCode.SIZE, rxBuf));
        }
        int truncatedLength = Math.min(rxLen, rxBuf.length);
        rxRemainingBytes = truncatedLength;
        rxOffset = 0;
        rxBuffer = rxBuf;
        regs.write(RXD_PTR, rxDmaBuffer);
        regs.write(RXD_MAXCNT, Math.min(truncatedLength, UARTE_MAX_BUFFER_SIZE));
        regs.write(TASKS_STOPRX, 1);
        regs.write(TASKS_STARTRX, 1);
        enableRxInterrupts();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> receiveWord() {
        return Result.err(ErrorCode.FAIL);
    }

    /** Cancels a reception with STOPRX; {@code BUSY} means the client hears {@code CANCEL} from the interrupt. */
    @Override
    public Result<Void, ErrorCode> receiveAbort() {
        if (rxBuffer == null) {
            return Result.ok();
        }
        rxAbortInProgress = true;
        regs.write(TASKS_STOPRX, 1);
        return Result.err(ErrorCode.BUSY);
    }
}
