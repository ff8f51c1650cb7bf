package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.Pull;
import org.tock4j.chips.emulator.world.SpiBus;

/**
 * SPI, the SAM4L serial peripheral interface (datasheet chapter 26), as silicon in master mode, driving the
 * devices of an {@link SpiBus} through its own chip select lines NPCS0–NPCS3 ({@link PinWire}s the SPI drives,
 * high while inactive), on a bus whose MISO is pulled up (a frame nobody answers reads all ones).
 *
 * <ul>
 *   <li>With SPIEN (SR.SPIENS) a frame written to TDR (or fetched from the PDCA channel of SPI_TX while TDR is
 *       empty) moves to the shifter when it is free and is exchanged with the device behind the chip select
 *       MR.PCS names (fixed peripheral select): BITS bits at {@code f(CLK_SPI) / SCBR} from that chip
 *       select's CSR. The device's answer lands in RDR (SR.RDRF; overwriting an unread one sets OVRES) and is
 *       handed to the channel of SPI_RX if one serves it. MR.LLB loops MOSI back to MISO.</li>
 *   <li>The chip select goes active before the first frame and inactive after the last one, unless CSR.CSAAT
 *       keeps it active (until CR.LASTXFER or another chip select).</li>
 *   <li>SR.TDRE: TDR empty; SR.TXEMPTY: TDR and shifter empty; both 0 while the SPI is disabled. Reading SR
 *       clears OVRES and MODF. The interrupt line is high while SR &amp; IMR is not 0.</li>
 *   <li>While its PM clock is masked the SPI is frozen: a frame in progress resumes when the clock returns.</li>
 * </ul>
 *
 * <p>Not modelled: slave mode, variable peripheral select (MR.PS) and the chip select decoder (MR.PCSDEC),
 * the DLYBS/DLYBCT/DLYBCS delays, mode fault detection, the receive FIFO and write protection (stored).
 */
public final class SpiModel {
    public static final int BASE = 0x4000_8000;

    public static final int CR = 0x00;
    public static final int MR = 0x04;
    public static final int RDR = 0x08;
    public static final int TDR = 0x0C;
    public static final int SR = 0x10;
    public static final int IER = 0x14;
    public static final int IDR = 0x18;
    public static final int IMR = 0x1C;
    public static final int CSR0 = 0x30;
    public static final int WPCR = 0xE4;
    public static final int WPSR = 0xE8;
    public static final int FEATURES = 0xF8;
    public static final int VERSION = 0xFC;

    public static final int CR_SPIEN = 1;
    public static final int CR_SPIDIS = 1 << 1;
    public static final int CR_SWRST = 1 << 7;
    public static final int CR_FLUSHFIFO = 1 << 8;
    public static final int CR_LASTXFER = 1 << 24;

    public static final int MR_MSTR = 1;
    public static final int MR_PS = 1 << 1;
    public static final int MR_PCSDEC = 1 << 2;
    public static final int MR_MODFDIS = 1 << 4;
    public static final int MR_RXFIFOEN = 1 << 6;
    public static final int MR_LLB = 1 << 7;
    public static final int MR_PCS_SHIFT = 16;
    public static final int MR_PCS_MASK = 0xF << MR_PCS_SHIFT;

    public static final int RDRF = 1;
    public static final int TDRE = 1 << 1;
    public static final int MODF = 1 << 2;
    public static final int OVRES = 1 << 3;
    public static final int NSSR = 1 << 8;
    public static final int TXEMPTY = 1 << 9;
    public static final int UNDES = 1 << 10;
    public static final int SPIENS = 1 << 16;

    public static final int CSR_CPOL = 1;
    public static final int CSR_NCPHA = 1 << 1;
    public static final int CSR_CSNAAT = 1 << 2;
    public static final int CSR_CSAAT = 1 << 3;
    public static final int CSR_BITS_SHIFT = 4;
    public static final int CSR_SCBR_SHIFT = 8;
    /** The chip select lines, NPCS0–NPCS3. */
    public static final int CHIP_SELECTS = 4;

    private final VirtualClock clock;
    private final PeripheralClock gate;
    private final PdcaModel pdca;
    private final InterruptLine irq;
    private final SpiBus bus;
    private final PinWire[] chipSelects = new PinWire[CHIP_SELECTS];
    private final RegisterBank bank;
    private final Register mr;
    private final Register[] csr = new Register[4];
    private final Register imr;
    private final ClockedTimer timer;
    private boolean enabled;
    private int tdr = -1;
    private int shifting = -1;
    private int shiftingCs = -1;
    private int rdr;
    private boolean rdrf;
    private int flags;
    private int selected = -1;
    private boolean lastTransfer;

    public SpiModel(VirtualClock clock, PeripheralClock gate, PdcaModel pdca, InterruptLine irq) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.pdca = Objects.requireNonNull(pdca, "pdca");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.bus = new SpiBus("SPI", Pull.UP);
        for (int n = 0; n < CHIP_SELECTS; n++) {
            chipSelects[n] = new PinWire("NPCS" + n, clock);
            chipSelects[n].driveFromChip(true);
            chipSelects[n].clearEdges(); // inactive from reset: no edge
        }
        this.timer = new ClockedTimer(clock, gate);
        bank = new RegisterBank("SPI", BASE, 0, 0x4000);
        bank.writeOnly("CR", CR, this::control);
        mr = bank.storage("MR", MR, 0, 0xFF0F_00D7, this::modeWritten);
        bank.readOnly("RDR", RDR, this::readRdr);
        bank.writeOnly("TDR", TDR, this::writeTdr);
        bank.readOnly("SR", SR, this::readSr);
        imr = bank.internal("IMR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & 0x070F); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        for (int n = 0; n < 4; n++) {
            csr[n] = bank.storage("CSR" + n, CSR0 + 4 * n, 0);
        }
        bank.unmodelled("WPCR", WPCR, 0);
        bank.readOnly("WPSR", WPSR, () -> 0);
        bank.constant("FEATURES", FEATURES, 0x001F_0154);
        bank.constant("VERSION", VERSION, 0x211);
        pdca.addReadyListener(PdcaModel.PID_SPI_TX, this::pump);
        pdca.addReadyListener(PdcaModel.PID_SPI_RX, () -> {
            deliverRx();
            updateInterrupt();
        });
        gate.addListener(running -> {
            if (running) {
                pump();
            }
            updateInterrupt();
        });
    }

    public RegisterBank registers() {
        return bank;
    }

    public SpiBus bus() {
        return bus;
    }

    /** Chip select line NPCS{@code n}: low while the SPI selects the device behind it. */
    public PinWire chipSelect(int n) {
        return chipSelects[Objects.checkIndex(n, CHIP_SELECTS)];
    }

    private void control(int v) {
        if ((v & CR_SWRST) != 0) {
            timer.cancel();
            deselect();
            enabled = false;
            tdr = -1;
            shifting = -1;
            rdrf = false;
            flags = 0;
            mr.set(0);
            for (Register r : csr) {
                r.set(0);
            }
            imr.set(0);
        }
        if ((v & CR_FLUSHFIFO) != 0) {
            rdrf = false;
        }
        if ((v & CR_SPIDIS) != 0) {
            enabled = false;
        } else if ((v & CR_SPIEN) != 0) {
            enabled = true;
            if ((mr.value() & MR_MSTR) == 0) {
                bank.warn("SPI enabled in slave mode, which is not modelled");
            }
        }
        if ((v & CR_LASTXFER) != 0) {
            if (shifting < 0 && tdr < 0) {
                deselect();
            } else {
                lastTransfer = true;
            }
        }
        pump();
        updateInterrupt();
    }

    private void modeWritten() {
        if ((mr.value() & (MR_PS | MR_PCSDEC)) != 0) {
            bank.warn("MR.PS and MR.PCSDEC are not modelled: the chip select is MR.PCS, fixed");
        }
        int cs = chipSelect();
        if (selected >= 0 && cs != selected && shifting < 0) {
            deselect();
        }
    }

    /** The chip select MR.PCS names: the lowest bit that is 0 (PCS = xxx0 is NPCS0). */
    private int chipSelect() {
        int pcs = (mr.value() & MR_PCS_MASK) >>> MR_PCS_SHIFT;
        for (int n = 0; n < 4; n++) {
            if ((pcs & (1 << n)) == 0) {
                return n;
            }
        }
        return -1;
    }

    private int readSr() {
        int v = sr();
        flags &= ~(OVRES | MODF);
        updateInterrupt();
        return v;
    }

    private int sr() {
        int v = flags;
        if (rdrf) {
            v |= RDRF;
        }
        if (enabled) {
            v |= SPIENS;
            if (tdr < 0) {
                v |= TDRE;
                if (shifting < 0) {
                    v |= TXEMPTY;
                }
            }
        }
        return v;
    }

    private int readRdr() {
        int v = rdr;
        rdrf = false;
        updateInterrupt();
        return v;
    }

    private void writeTdr(int v) {
        if (!enabled) {
            bank.warn("TDR written while the SPI is disabled; frame dropped");
            return;
        }
        tdr = v & 0xFFFF;
        pump();
        updateInterrupt();
    }

    private int bits(int cs) {
        int code = (csr[cs].value() >>> CSR_BITS_SHIFT) & 0xF;
        return code <= 8 ? 8 + code : code <= 12 ? code - 5 : 8;
    }

    private void pump() {
        if (!enabled || !gate.running() || (mr.value() & MR_MSTR) == 0) {
            return;
        }
        while (true) {
            if (tdr < 0) {
                int v = pdca.transmit(PdcaModel.PID_SPI_TX);
                if (v >= 0) {
                    tdr = v & 0xFFFF;
                }
            }
            if (shifting < 0 && tdr >= 0) {
                if (!startFrame()) {
                    break;
                }
                continue;
            }
            break;
        }
        updateInterrupt();
    }

    private boolean startFrame() {
        int cs = chipSelect();
        if (cs < 0) {
            bank.warn("MR.PCS selects no chip select; the frame is not sent");
            return false;
        }
        int scbr = (csr[cs].value() >>> CSR_SCBR_SHIFT) & 0xFF;
        long hz = gate.frequencyHz();
        if (scbr == 0 || hz == 0) {
            if (scbr == 0) {
                bank.warn("CSR" + cs + ".SCBR is 0: no serial clock");
            }
            return false;
        }
        if (selected != cs) {
            deselect();
            selected = cs;
            chipSelects[cs].driveFromChip(false);
        }
        shifting = tdr;
        shiftingCs = cs;
        tdr = -1;
        long ns = new TickConverter(hz, 1_000_000_000L * scbr).timeOfTick(bits(cs));
        timer.start(ns, this::frameDone);
        return true;
    }

    private void frameDone() {
        int cs = shiftingCs;
        int bits = bits(cs);
        int mask = (1 << bits) - 1;
        int mosi = shifting & mask;
        int miso;
        if ((mr.value() & MR_LLB) != 0) {
            miso = mosi;
        } else {
            miso = bus.transfer(mosi, bits);
        }
        shifting = -1;
        if (rdrf) {
            flags |= OVRES;
        }
        rdr = miso;
        rdrf = true;
        deliverRx();
        pump();
        if (shifting < 0 && ((csr[cs].value() & CSR_CSAAT) == 0 || lastTransfer)) {
            lastTransfer = false;
            deselect();
        }
        updateInterrupt();
    }

    private void deliverRx() {
        if (rdrf && gate.running() && pdca.receive(PdcaModel.PID_SPI_RX, rdr)) {
            rdrf = false;
        }
    }

    private void deselect() {
        if (selected >= 0) {
            int cs = selected;
            selected = -1;
            chipSelects[cs].driveFromChip(true);
        }
    }

    /** The chip select that is active now, -1 if none. */
    public int selectedChip() {
        return selected;
    }

    private void updateInterrupt() {
        irq.setLevel(gate.running() && (sr() & imr.value()) != 0);
    }
}
