package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * USART, the SAM4L's universal synchronous/asynchronous receiver-transmitter (datasheet chapter 24), as
 * silicon in asynchronous (UART) mode, with its PDCA handshake.
 *
 * <ul>
 *   <li>Bit rate: CLK_USART (the PBA clock) / (8 CD + FP) with MR.OVER set, / (16 CD + 2 FP) without; CD 0
 *       stops the baud generator. A frame is a start bit, 5–9 data bits (MR.CHRL, MODE9), a parity bit unless
 *       MR.PAR says none (multidrop adds one), and 1, 1.5 or 2 stop bits (MR.NBSTOP).</li>
 *   <li>TX: with TXEN, a character written to THR (or fetched from the PDCA channel of USARTn_TX while THR is
 *       empty) moves to the shift register when it is free; the character reaches the {@link UartLink} when its
 *       last stop bit ends. CSR.TXRDY: THR empty; CSR.TXEMPTY: THR and the shift register empty (both 0 while
 *       the transmitter is disabled).</li>
 *   <li>RX: with RXEN and RHR empty, the next byte the world sent is received over one frame time into RHR
 *       (CSR.RXRDY), then handed to the PDCA channel of USARTn_RX if one serves it; reading RHR empties it.</li>
 *   <li>A frame the world sends with a framing error ({@link UartLink#feedFramingError()}: its stop bit is 0)
 *       is received like any other, into RHR with RXRDY, and sets CSR.FRAME, which stays set until CR.RSTSTA
 *       (the datasheet's receiver framing error); with IMR.FRAME set it raises the interrupt.</li>
 *   <li>CR: RSTRX/RSTTX reset and disable the receiver/transmitter (a character in progress is lost), RXEN,
 *       RXDIS (a character being received is abandoned and stays with the world), TXEN, TXDIS (the
 *       character in the shifter still goes out), RSTSTA clears PARE/FRAME/OVRE/RXBRK. The interrupt line is
 *       high while CSR &amp; IMR is not 0.</li>
 *   <li>While its PM clock is masked the USART is frozen: a frame in progress resumes when the clock returns.</li>
 * </ul>
 *
 * <p>Simplifications, each deliberate: the world's bytes wait in the link while RHR is full, so there are no
 * overruns, and the only line error is the framing error the world sends (no parity errors or breaks); the
 * receiver time-out (RTOR/STTTO), the RS485, IrDA, ISO7816, LIN, SPI and Manchester modes, CTS/RTS
 * handshaking and the peripheral pins are not modelled (their registers store what is written; non-UART modes
 * are warned about).
 */
public final class UsartModel {
    public static final int CR = 0x00;
    public static final int MR = 0x04;
    public static final int IER = 0x08;
    public static final int IDR = 0x0C;
    public static final int IMR = 0x10;
    public static final int CSR = 0x14;
    public static final int RHR = 0x18;
    public static final int THR = 0x1C;
    public static final int BRGR = 0x20;
    public static final int RTOR = 0x24;
    public static final int TTGR = 0x28;
    public static final int FIDI = 0x40;
    public static final int NER = 0x44;
    public static final int IFR = 0x4C;
    public static final int MAN = 0x50;
    public static final int LINMR = 0x54;
    public static final int LINIR = 0x58;
    public static final int LINBR = 0x5C;
    public static final int WPMR = 0xE4;
    public static final int WPSR = 0xE8;
    public static final int VERSION = 0xFC;

    // CR bits
    public static final int CR_RSTRX = 1 << 2;
    public static final int CR_RSTTX = 1 << 3;
    public static final int CR_RXEN = 1 << 4;
    public static final int CR_RXDIS = 1 << 5;
    public static final int CR_TXEN = 1 << 6;
    public static final int CR_TXDIS = 1 << 7;
    public static final int CR_RSTSTA = 1 << 8;
    public static final int CR_STTTO = 1 << 11;
    public static final int CR_RTSEN = 1 << 18;
    public static final int CR_RTSDIS = 1 << 19;

    // MR fields
    public static final int MR_MODE_MASK = 0xF;
    public static final int MODE_NORMAL = 0x0;
    public static final int MODE_HARD_HAND = 0x2;
    public static final int MODE_SPI_MASTER = 0xE;
    public static final int MR_USCLKS_SHIFT = 4;
    public static final int MR_CHRL_SHIFT = 6;
    public static final int MR_SYNC = 1 << 8;
    public static final int MR_PAR_SHIFT = 9;
    public static final int PAR_NONE = 0b100;
    public static final int MR_NBSTOP_SHIFT = 12;
    public static final int MR_CHMODE_SHIFT = 14;
    public static final int MR_MODE9 = 1 << 17;
    public static final int MR_OVER = 1 << 19;

    // CSR / interrupt bits
    public static final int RXRDY = 1;
    public static final int TXRDY = 1 << 1;
    public static final int RXBRK = 1 << 2;
    public static final int OVRE = 1 << 5;
    public static final int FRAME = 1 << 6;
    public static final int PARE = 1 << 7;
    public static final int TIMEOUT = 1 << 8;
    public static final int TXEMPTY = 1 << 9;
    public static final int RXBUFF = 1 << 12;
    /** The interrupt sources IER/IDR/IMR know (datasheet 24.7.3). */
    private static final int INTERRUPT_BITS = RXRDY | TXRDY | RXBRK | OVRE | FRAME | PARE | TIMEOUT | TXEMPTY
            | (1 << 10) | RXBUFF | (0xFF << 13) | (1 << 24) | (0x7F << 25);
    private static final int STATUS_CLEARED_BY_RSTSTA = RXBRK | OVRE | FRAME | PARE;

    public static final int BRGR_CD_MASK = 0xFFFF;
    public static final int BRGR_FP_SHIFT = 16;

    private final String name;
    private final VirtualClock clock;
    private final PeripheralClock gate;
    private final PdcaModel pdca;
    private final int rxPid;
    private final int txPid;
    private final InterruptLine irq;
    private final UartLink link;
    private final RegisterBank bank;
    private final Register mr;
    private final Register imr;
    private final Register brgr;
    private final Register status;
    private final ClockedTimer txTimer;
    private final ClockedTimer rxTimer;

    private boolean txEnabled;
    private boolean rxEnabled;
    private int thr = -1;
    private int shifting = -1;
    private int rhr;
    private boolean rxReady;
    private boolean receiving;
    private final Stream txStream = new Stream();
    private final Stream rxStream = new Stream();

    /** The line's half-bit clock: {@code 2 f} half bits every {@code divisor} seconds. */
    private record LineRate(long doubleClockHz, long divisor) {
        TickConverter halfBits() {
            return new TickConverter(doubleClockHz, 1_000_000_000L * divisor);
        }
    }

    /** Back-to-back frames keep exact bit timing: frame k of a stream ends at start + k frames. */
    private static final class Stream {
        long startNs;
        int frames;
        long expectedEndNs = -1;
        LineRate rate;
        TickConverter halfBits;
        int frameHalfBits;

        long nextEnd(long now, LineRate lineRate, int halfBitsPerFrame) {
            if (expectedEndNs != now || !lineRate.equals(rate) || halfBitsPerFrame != frameHalfBits) {
                startNs = now;
                frames = 0;
                rate = lineRate;
                halfBits = lineRate.halfBits();
                frameHalfBits = halfBitsPerFrame;
            }
            frames++;
            expectedEndNs = startNs + halfBits.timeOfTick((long) frames * frameHalfBits);
            return expectedEndNs;
        }

        /** The frame ended (possibly later than planned, if the clock was masked meanwhile). */
        void ended(long now) {
            if (now != expectedEndNs) {
                expectedEndNs = -1;
            }
        }

        void reset() {
            expectedEndNs = -1;
        }
    }

    /**
     * @param name USART0..USART3
     * @param rxPid the PDCA peripheral identifier of its receiver (its transmitter's is {@code rxPid + 18})
     */
    public UsartModel(String name, int baseAddress, VirtualClock clock, PeripheralClock gate, PdcaModel pdca,
            int rxPid, InterruptLine irq, UartLink link) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.pdca = Objects.requireNonNull(pdca, "pdca");
        this.rxPid = rxPid;
        this.txPid = rxPid + PdcaModel.PID_USART0_TX;
        this.irq = Objects.requireNonNull(irq, "irq");
        this.link = Objects.requireNonNull(link, "link");
        this.txTimer = new ClockedTimer(clock, gate);
        this.rxTimer = new ClockedTimer(clock, gate);
        bank = new RegisterBank(name, baseAddress, 0, 0x4000);
        bank.writeOnly("CR", CR, this::control);
        mr = bank.storage("MR", MR, 0, this::modeWritten);
        imr = bank.internal("IMR state", 0);
        status = bank.internal("CSR error flags", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & INTERRUPT_BITS); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.readOnly("CSR", CSR, this::csr);
        bank.readOnly("RHR", RHR, this::readRhr);
        bank.writeOnly("THR", THR, this::writeThr);
        brgr = bank.storage("BRGR", BRGR, 0, 0x0007_FFFF, null);
        bank.unmodelled("RTOR", RTOR, 0);
        bank.unmodelled("TTGR", TTGR, 0);
        bank.unmodelled("FIDI", FIDI, 0x174);
        bank.readOnly("NER", NER, () -> 0);
        bank.unmodelled("IFR", IFR, 0);
        bank.unmodelled("MAN", MAN, 0x3001_1004);
        bank.unmodelled("LINMR", LINMR, 0);
        bank.unmodelled("LINIR", LINIR, 0);
        bank.readOnly("LINBR", LINBR, () -> 0);
        bank.unmodelled("WPMR", WPMR, 0);
        bank.readOnly("WPSR", WPSR, () -> 0);
        bank.constant("VERSION", VERSION, 0x602);
        pdca.addReadyListener(txPid, this::txPump);
        pdca.addReadyListener(rxPid, this::rxPump);
        link.setRxAvailableListener(this::rxPump);
        gate.addListener(running -> {
            if (running) {
                txPump();
                rxPump();
            }
            updateInterrupt();
        });
    }

    public RegisterBank registers() {
        return bank;
    }

    public UartLink link() {
        return link;
    }

    public String name() {
        return name;
    }

    // ---- configuration ----

    private void modeWritten() {
        int mode = mr.value() & MR_MODE_MASK;
        if (mode != MODE_NORMAL && mode != MODE_HARD_HAND) {
            bank.warn(String.format("MR.MODE 0x%X is not modelled: only normal UART mode transfers data", mode));
        }
        if ((mr.value() & MR_SYNC) != 0) {
            bank.warn("MR.SYNC (synchronous mode) is not modelled");
        }
    }

    private boolean uartMode() {
        int mode = mr.value() & MR_MODE_MASK;
        return (mode == MODE_NORMAL || mode == MODE_HARD_HAND) && (mr.value() & MR_SYNC) == 0;
    }

    /** The half-bit clock of the line, or null while the baud generator is stopped. */
    private LineRate lineRate() {
        long clk = gate.frequencyHz();
        int usclks = (mr.value() >>> MR_USCLKS_SHIFT) & 0b11;
        if (usclks == 1) {
            clk /= 8;
        } else if (usclks >= 2) {
            bank.warn("MR.USCLKS selects the external CLK pin, which is not modelled");
            return null;
        }
        int cd = brgr.value() & BRGR_CD_MASK;
        int fp = (brgr.value() >>> BRGR_FP_SHIFT) & 0b111;
        if (clk == 0 || cd == 0) {
            if (cd == 0) {
                bank.warn("BRGR.CD is 0: the baud rate generator is stopped");
            }
            return null;
        }
        long divisor = (mr.value() & MR_OVER) != 0 ? 8L * cd + fp : 16L * cd + 2L * fp;
        return new LineRate(2 * clk, divisor);
    }

    /** The line's bit rate (bits per second, rounded down), 0 while stopped. */
    public long baudRate() {
        LineRate rate = lineRate();
        return rate == null ? 0 : rate.doubleClockHz() / 2 / rate.divisor();
    }

    /** Half bits per frame: start, data, parity, stop. */
    public int frameHalfBits() {
        int v = mr.value();
        int dataBits = (v & MR_MODE9) != 0 ? 9 : 5 + ((v >>> MR_CHRL_SHIFT) & 0b11);
        int par = (v >>> MR_PAR_SHIFT) & 0b111;
        int parityBits = (par == 0b100 || par == 0b101) ? 0 : 1;
        int stopHalfBits = switch ((v >>> MR_NBSTOP_SHIFT) & 0b11) {
            case 1 -> 3;
            case 2 -> 4;
            default -> 2;
        };
        return 2 * (1 + dataBits + parityBits) + stopHalfBits;
    }

    // ---- control ----

    private void control(int v) {
        if ((v & CR_RSTRX) != 0) {
            rxTimer.cancel();
            receiving = false;
            rxReady = false;
            rxEnabled = false;
            rxStream.reset();
        }
        if ((v & CR_RSTTX) != 0) {
            txTimer.cancel();
            shifting = -1;
            thr = -1;
            txEnabled = false;
            txStream.reset();
        }
        if ((v & CR_RSTSTA) != 0) {
            status.clearBits(STATUS_CLEARED_BY_RSTSTA);
        }
        if ((v & CR_STTTO) != 0) {
            status.clearBits(TIMEOUT);
        }
        if ((v & CR_RXDIS) != 0) {
            // A character on the line is abandoned: the world's byte stays in the link.
            rxTimer.cancel();
            receiving = false;
            rxStream.reset();
            rxEnabled = false;
        } else if ((v & CR_RXEN) != 0) {
            rxEnabled = true;
        }
        if ((v & CR_TXDIS) != 0) {
            txEnabled = false;
        } else if ((v & CR_TXEN) != 0) {
            txEnabled = true;
        }
        txPump();
        rxPump();
        updateInterrupt();
    }

    private int csr() {
        int v = status.value();
        if (rxReady) {
            v |= RXRDY;
        }
        if (txEnabled && thr < 0) {
            v |= TXRDY;
            if (shifting < 0) {
                v |= TXEMPTY;
            }
        }
        return v;
    }

    // ---- transmitter ----

    private void writeThr(int v) {
        if (!txEnabled) {
            bank.warn("THR written while the transmitter is disabled; character dropped");
            return;
        }
        if (thr >= 0) {
            bank.warn("THR written while TXRDY is 0; the waiting character is overwritten");
        }
        thr = v & 0x1FF;
        txPump();
        updateInterrupt();
    }

    private void txPump() {
        if (!txEnabled || !gate.running() || !uartMode()) {
            return;
        }
        while (true) {
            if (thr < 0) {
                int v = pdca.transmit(txPid);
                if (v >= 0) {
                    thr = v & 0x1FF;
                }
            }
            if (shifting < 0 && thr >= 0) {
                if (!startTxFrame(thr)) {
                    break;
                }
                thr = -1;
                continue;
            }
            break;
        }
        updateInterrupt();
    }

    private boolean startTxFrame(int character) {
        LineRate rate = lineRate();
        if (rate == null) {
            return false;
        }
        shifting = character;
        long end = txStream.nextEnd(clock.now(), rate, frameHalfBits());
        txTimer.startAt(end, this::txFrameDone);
        return true;
    }

    private void txFrameDone() {
        txStream.ended(clock.now());
        link.byteTransmitted((byte) shifting);
        shifting = -1;
        txPump();
        updateInterrupt();
    }

    // ---- receiver ----

    private int readRhr() {
        int v = rhr;
        if (rxReady) {
            rxReady = false;
            rxPump();
            updateInterrupt();
        }
        return v;
    }

    private void rxPump() {
        if (!rxEnabled || !gate.running() || !uartMode()) {
            return;
        }
        if (rxReady && pdca.receive(rxPid, rhr)) {
            rxReady = false;
        }
        if (!rxReady && !receiving && link.rxWaitingCount() > 0) {
            LineRate rate = lineRate();
            if (rate != null) {
                receiving = true;
                rxTimer.startAt(rxStream.nextEnd(clock.now(), rate, frameHalfBits()), this::rxFrameDone);
            }
        }
        updateInterrupt();
    }

    private void rxFrameDone() {
        rxStream.ended(clock.now());
        receiving = false;
        boolean framingError = link.nextRxHasFramingError();
        int value = link.takeRx();
        if (value >= 0) {
            rhr = value;
            rxReady = true;
            if (framingError) {
                status.setBits(FRAME);
            }
        }
        rxPump();
        updateInterrupt();
    }

    private void updateInterrupt() {
        irq.setLevel(gate.running() && (csr() & imr.value()) != 0);
    }

    public boolean isTransmitting() {
        return shifting >= 0 || thr >= 0;
    }
}
