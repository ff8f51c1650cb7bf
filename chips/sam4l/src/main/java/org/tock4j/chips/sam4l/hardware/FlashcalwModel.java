package org.tock4j.chips.sam4l.hardware;

import java.util.Arrays;
import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.PagedMemory;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * FLASHCALW, the SAM4L flash controller (datasheet chapter 14), as silicon, with its PicoCache: the 512 KiB
 * flash array of 1024 pages of 512 bytes, in 16 lock regions of 64 pages, programmed through a page buffer.
 *
 * <ul>
 *   <li>CPU word stores into the flash address space fill the page buffer at {@code address % 512} (and set
 *       FCMD.PAGEN to {@code address / 512}) instead of the array; see {@link #pageBufferWrite}.</li>
 *   <li>FCMD runs a command when written with KEY 0xA5 (another key: FSR.PROGE). While one runs FSR.FRDY is 0
 *       (a command written then is a PROGE). Timed commands take the datasheet's flash characteristics:
 *       write page (WP) and write user page (WUP) 4.5 ms, erase page (EP) and erase user page (EUP) 4.5 ms,
 *       lock/unlock region (LP/UP, fuse programming) 1 ms, erase all (EA) 9 ms. CPB, QPR, QPRUP, HSEN,
 *       HSDIS and NOP complete at once.</li>
 *   <li>WP programs the page: each bit becomes {@code old AND buffer} (programming only clears bits), then
 *       the page buffer reads all ones again; EP sets every byte of the page to 0xFF; CPB sets the buffer to
 *       all ones; QPR/QPRUP set FSR.QPRR when the page is erased; EA erases the array and unlocks every
 *       region; HSEN/HSDIS set FSR.HSMODE.</li>
 *   <li>WP or EP on a page in a locked region (FSR.LOCKn) does nothing and sets FSR.LOCKE. Reading FSR clears
 *       LOCKE and PROGE.</li>
 *   <li>Interrupts are requests on transitions: when a command completes (or fails) with FCR.FRDY set, and
 *       when LOCKE/PROGE is raised with FCR.LOCKE/PROGE set, the line is pulsed (one HSB cycle after the FCMD
 *       write for a command that completes or fails at once).
 *       (Enabling FCR.FRDY while the flash is already ready requests nothing; Tock's driver depends on
 *       this.)</li>
 *   <li>The PicoCache: CTRL.CEN is reflected in SR.CSTS at once; maintenance and monitor registers are
 *       stored.</li>
 *   <li>Fault injection ({@link #failNextPageWrite()}): the next WP is refused as the controller refuses a
 *       command it cannot run, with FSR.PROGE (and its interrupt if FCR.PROGE or FCR.FRDY asks for one) and
 *       nothing programmed; the page buffer keeps its content.</li>
 * </ul>
 *
 * <p>The general-purpose fuse commands (WGPB, EGPB, SSB, PGPFB, EAGPF) are not modelled: they complete at once
 * and change nothing (logged). The controller needs its HSB and PBB clocks: while either is masked, its
 * registers are inaccessible and a command in progress is frozen.
 */
public final class FlashcalwModel {
    public static final int BASE = 0x400A_0000;

    public static final int FCR = 0x00;
    public static final int FCMD = 0x04;
    public static final int FSR = 0x08;
    public static final int FPR = 0x0C;
    public static final int FVR = 0x10;
    public static final int FGPFRHI = 0x14;
    public static final int FGPFRLO = 0x18;
    public static final int PICOCACHE_CTRL = 0x408;
    public static final int PICOCACHE_SR = 0x40C;
    public static final int PICOCACHE_MAINT0 = 0x420;
    public static final int PICOCACHE_MAINT1 = 0x424;
    public static final int PICOCACHE_MCFG = 0x428;
    public static final int PICOCACHE_MEN = 0x42C;
    public static final int PICOCACHE_MCTRL = 0x430;
    public static final int PICOCACHE_MSR = 0x434;

    public static final int FCR_FRDY = 1;
    public static final int FCR_LOCKE = 1 << 2;
    public static final int FCR_PROGE = 1 << 3;
    public static final int FCR_ECCE = 1 << 4;
    public static final int FCR_FWS = 1 << 6;
    public static final int FCR_WS1OPT = 1 << 7;

    public static final int FSR_FRDY = 1;
    public static final int FSR_LOCKE = 1 << 2;
    public static final int FSR_PROGE = 1 << 3;
    public static final int FSR_SECURITY = 1 << 4;
    public static final int FSR_QPRR = 1 << 5;
    public static final int FSR_HSMODE = 1 << 6;
    public static final int FSR_ECCERR = 1 << 9;
    public static final int FSR_LOCK_SHIFT = 16;

    public static final int FCMD_CMD_MASK = 0x3F;
    public static final int FCMD_PAGEN_SHIFT = 8;
    public static final int FCMD_PAGEN_MASK = 0xFFFF << FCMD_PAGEN_SHIFT;
    public static final int FCMD_KEY = 0xA5;

    public static final int CMD_NOP = 0;
    public static final int CMD_WP = 1;
    public static final int CMD_EP = 2;
    public static final int CMD_CPB = 3;
    public static final int CMD_LP = 4;
    public static final int CMD_UP = 5;
    public static final int CMD_EA = 6;
    public static final int CMD_WGPB = 7;
    public static final int CMD_EGPB = 8;
    public static final int CMD_SSB = 9;
    public static final int CMD_PGPFB = 10;
    public static final int CMD_EAGPF = 11;
    public static final int CMD_QPR = 12;
    public static final int CMD_WUP = 13;
    public static final int CMD_EUP = 14;
    public static final int CMD_QPRUP = 15;
    public static final int CMD_HSEN = 16;
    public static final int CMD_HSDIS = 17;

    public static final int PAGE_SIZE = 512;
    public static final int REGIONS = 16;

    /** Typical page programming time (tFPP). */
    public static final long PAGE_PROGRAM_NS = 4_500_000;
    /** Typical page erase time (tFPE). */
    public static final long PAGE_ERASE_NS = 4_500_000;
    /** Typical fuse (lock bit) programming time (tFFP). */
    public static final long FUSE_PROGRAM_NS = 1_000_000;
    /** Typical full chip erase time (tFEA). */
    public static final long ERASE_ALL_NS = 9_000_000;

    private final PagedMemory flash;
    private final VirtualClock clock;
    private final PeripheralClock gate;
    private final int pages;
    private final int pagesPerRegion;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final Register fcr;
    private final Register fcmd;
    private final ClockedTimer busy;
    private final byte[] pageBuffer = new byte[PAGE_SIZE];
    private final byte[] userPage = new byte[PAGE_SIZE];
    private int fsrFlags = FSR_FRDY;
    private int locks;
    private boolean cacheEnabled;
    private boolean failNextPageWrite;

    public FlashcalwModel(PagedMemory flash, VirtualClock clock, PeripheralClock gate, InterruptLine irq) {
        this.flash = Objects.requireNonNull(flash, "flash");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.pages = flash.size() / PAGE_SIZE;
        this.pagesPerRegion = pages / REGIONS;
        this.busy = new ClockedTimer(clock, gate);
        Arrays.fill(pageBuffer, (byte) 0xFF);
        Arrays.fill(userPage, (byte) 0xFF);
        bank = new RegisterBank("FLASHCALW", BASE, 0, 0x1000);
        fcr = bank.storage("FCR", FCR, 0, FCR_FRDY | FCR_LOCKE | FCR_PROGE | FCR_ECCE | FCR_FWS | FCR_WS1OPT, null);
        Register[] self = new Register[1];
        self[0] = bank.custom("FCMD", FCMD, 0, () -> self[0].value(), this::command);
        fcmd = self[0];
        bank.readOnly("FSR", FSR, this::readFsr);
        bank.constant("FPR", FPR, 4 << 8 | fszCode(flash.size()));
        bank.constant("FVR", FVR, 0x110);
        bank.readOnly("FGPFRHI", FGPFRHI, () -> -1);
        bank.readOnly("FGPFRLO", FGPFRLO, () -> ~locks & 0xFFFF | 0xFFFF_0000);
        bank.writeOnly("CTRL", PICOCACHE_CTRL, v -> cacheEnabled = (v & 1) != 0);
        bank.readOnly("SR", PICOCACHE_SR, () -> cacheEnabled ? 1 : 0);
        bank.writeOnly("MAINT0", PICOCACHE_MAINT0, v -> {});
        bank.writeOnly("MAINT1", PICOCACHE_MAINT1, v -> {});
        bank.unmodelled("MCFG", PICOCACHE_MCFG, 0);
        bank.unmodelled("MEN", PICOCACHE_MEN, 0);
        bank.writeOnly("MCTRL", PICOCACHE_MCTRL, v -> {});
        bank.readOnly("MSR", PICOCACHE_MSR, () -> 0);
    }

    private static int fszCode(int size) {
        int[] kib = {4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048};
        for (int i = 0; i < kib.length; i++) {
            if (kib[i] * 1024 == size) {
                return i;
            }
        }
        throw new IllegalArgumentException("no FPR.FSZ code for a flash of " + size + " bytes");
    }

    public RegisterBank registers() {
        return bank;
    }

    public int pageCount() {
        return pages;
    }

    /** Whether a command is running (FSR.FRDY is 0). */
    public boolean isBusy() {
        return (fsrFlags & FSR_FRDY) == 0;
    }

    /** Whether the lock region holding {@code page} is locked. */
    public boolean isLocked(int page) {
        return (locks & (1 << (page / pagesPerRegion))) != 0;
    }

    private int readFsr() {
        int v = fsrFlags | (locks << FSR_LOCK_SHIFT);
        fsrFlags &= ~(FSR_LOCKE | FSR_PROGE);
        return v;
    }

    /**
     * A CPU store of {@code length} bytes at {@code offset} into the flash address space: it lands in the
     * page buffer (which wraps every 512 bytes), and FCMD.PAGEN follows the address.
     */
    public void pageBufferWrite(int offset, byte[] data, int from, int length) {
        if ((offset & 3) != 0 || (length & 3) != 0) {
            bank.warn("the page buffer takes aligned word writes only; a byte or halfword store was applied");
        }
        for (int i = 0; i < length; i++) {
            pageBuffer[(offset + i) % PAGE_SIZE] = data[from + i];
        }
        int page = offset / PAGE_SIZE;
        fcmd.set((fcmd.value() & ~FCMD_PAGEN_MASK) | (page << FCMD_PAGEN_SHIFT));
    }

    private void command(int v) {
        if ((v >>> 24) != FCMD_KEY) {
            fcmd.set(v & 0x00FF_FFFF);
            error(FSR_PROGE, String.format("FCMD written with key 0x%02X instead of 0xA5", v >>> 24));
            return;
        }
        fcmd.set(v & 0x00FF_FFFF);
        if (isBusy()) {
            error(FSR_PROGE, "FCMD written while a command runs");
            return;
        }
        int cmd = v & FCMD_CMD_MASK;
        int page = (v & FCMD_PAGEN_MASK) >>> FCMD_PAGEN_SHIFT;
        fsrFlags &= ~FSR_QPRR;
        switch (cmd) {
            case CMD_NOP -> complete();
            case CMD_WP -> {
                if (failNextPageWrite) {
                    failNextPageWrite = false;
                    programmingError();
                } else if (checkPage(page)) {
                    run(PAGE_PROGRAM_NS, () -> program(page));
                }
            }
            case CMD_EP -> {
                if (checkPage(page)) {
                    run(PAGE_ERASE_NS, () -> flash.fill(page * PAGE_SIZE, PAGE_SIZE, (byte) 0xFF));
                }
            }
            case CMD_CPB -> {
                Arrays.fill(pageBuffer, (byte) 0xFF);
                complete();
            }
            case CMD_LP, CMD_UP -> {
                if (page >= pages) {
                    error(FSR_PROGE, "LP/UP of page " + page + " outside the flash");
                    return;
                }
                int region = 1 << (page / pagesPerRegion);
                run(FUSE_PROGRAM_NS, () -> locks = cmd == CMD_LP ? locks | region : locks & ~region);
            }
            case CMD_EA -> run(ERASE_ALL_NS, () -> {
                flash.erase();
                locks = 0;
            });
            case CMD_QPR -> {
                if (page >= pages) {
                    error(FSR_PROGE, "QPR of page " + page + " outside the flash");
                    return;
                }
                if (erased(page)) {
                    fsrFlags |= FSR_QPRR;
                }
                complete();
            }
            case CMD_WUP -> run(PAGE_PROGRAM_NS, () -> {
                for (int i = 0; i < PAGE_SIZE; i++) {
                    userPage[i] &= pageBuffer[i];
                }
                Arrays.fill(pageBuffer, (byte) 0xFF);
            });
            case CMD_EUP -> run(PAGE_ERASE_NS, () -> Arrays.fill(userPage, (byte) 0xFF));
            case CMD_QPRUP -> {
                boolean erased = true;
                for (byte b : userPage) {
                    erased &= b == (byte) 0xFF;
                }
                if (erased) {
                    fsrFlags |= FSR_QPRR;
                }
                complete();
            }
            case CMD_HSEN -> {
                fsrFlags |= FSR_HSMODE;
                complete();
            }
            case CMD_HSDIS -> {
                fsrFlags &= ~FSR_HSMODE;
                complete();
            }
            case CMD_WGPB, CMD_EGPB, CMD_SSB, CMD_PGPFB, CMD_EAGPF -> {
                bank.warn("general-purpose fuse command " + cmd + " is not modelled; it changes nothing");
                complete();
            }
            default -> error(FSR_PROGE, "FCMD.CMD " + cmd + " is not a command");
        }
    }

    private boolean checkPage(int page) {
        if (page >= pages) {
            error(FSR_PROGE, "page " + page + " is outside the flash (" + pages + " pages)");
            return false;
        }
        if (isLocked(page)) {
            error(FSR_LOCKE, "page " + page + " is in a locked region");
            return false;
        }
        return true;
    }

    private void program(int page) {
        int base = page * PAGE_SIZE;
        byte[] old = new byte[PAGE_SIZE];
        flash.read(base, old, 0, PAGE_SIZE);
        for (int i = 0; i < PAGE_SIZE; i++) {
            old[i] &= pageBuffer[i];
        }
        flash.write(base, old, 0, PAGE_SIZE);
        Arrays.fill(pageBuffer, (byte) 0xFF);
    }

    private boolean erased(int page) {
        byte[] data = new byte[PAGE_SIZE];
        flash.read(page * PAGE_SIZE, data, 0, PAGE_SIZE);
        for (byte b : data) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private void run(long durationNs, Runnable effect) {
        fsrFlags &= ~FSR_FRDY;
        busy.start(durationNs, () -> {
            effect.run();
            fsrFlags |= FSR_FRDY;
            if (fcr.isSet(FCR_FRDY)) {
                irq.raise();
                irq.lower();
            }
        });
    }

    /** A command that needs no time completed with the FCMD write. */
    private void complete() {
        fsrFlags |= FSR_FRDY;
        if (fcr.isSet(FCR_FRDY)) {
            pulse();
        }
    }

    /** A command failed at once: the error flag, its interrupt if enabled, and the end of the command. */
    private void error(int flag, String message) {
        bank.warn(message);
        fsrFlags |= flag;
        boolean requested = fcr.isSet(flag == FSR_LOCKE ? FCR_LOCKE : FCR_PROGE);
        fsrFlags |= FSR_FRDY;
        if (requested || fcr.isSet(FCR_FRDY)) {
            pulse();
        }
    }

    /**
     * Fault injection: the next write page command (WP) fails with FSR.PROGE and programs nothing. (Tock's
     * driver reads FSR twice, LOCKE first; that read clears PROGE, so the driver does not see it.)
     */
    public void failNextPageWrite() {
        failNextPageWrite = true;
    }

    /** The injected failure of a WP: PROGE, as {@link #error} sets it, without a misuse warning. */
    private void programmingError() {
        fsrFlags |= FSR_PROGE | FSR_FRDY;
        if (fcr.isSet(FCR_PROGE) || fcr.isSet(FCR_FRDY)) {
            pulse();
        }
    }

    /** An interrupt request caused by a register write, one HSB cycle after it. */
    private void pulse() {
        long hz = Math.max(1, gate.frequencyHz());
        clock.scheduleAfter(new TickConverter(hz, 1_000_000_000L).timeOfTick(1), () -> {
            irq.raise();
            irq.lower();
        });
    }
}
