package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * SCIF, the SAM4L System Control Interface (datasheet chapter 13), as silicon: the OSC0 crystal oscillator,
 * PLL0, DFLL0, RCFAST, RC80M and the twelve generic clocks.
 *
 * <ul>
 *   <li>OSCCTRL0, PLL0, the DFLL0 configuration registers, RCCR, RCFASTCFG and RC80MCR are write-protected by
 *       UNLOCK (key 0xAA and the register's offset); a write without it is ignored and sets ISR.AE, as in the
 *       PM.</li>
 *   <li>Frequencies: OSC0 runs at the board's 16 MHz crystal; PLL0 gives
 *       {@code (PLLMUL + 1) / PLLDIV × f_ref} ({@code 2 (PLLMUL + 1) × f_ref} when PLLDIV is 0), halved when
 *       PLLOPT[1] is set; DFLL0 in closed loop gives {@code DFLL0MUL × f(GCLK0)}; RCFAST 4.3/8.2/12 MHz by
 *       FRANGE; RC80M 80 MHz; GCLKn is its OCSEL source, divided by {@code 2 (DIV + 1)} when DIVEN.</li>
 *   <li>PCLKSR reports each source ready (OSC0RDY, PLL0LOCK, DFLL0RDY/LOCKC/LOCKF, RCFASTLOCK) as soon as it is
 *       enabled: start-up and lock times are not modelled.</li>
 * </ul>
 */
public final class ScifModel {
    public static final int BASE = 0x400E_0800;

    public static final int IER = 0x00;
    public static final int IDR = 0x04;
    public static final int IMR = 0x08;
    public static final int ISR = 0x0C;
    public static final int ICR = 0x10;
    public static final int PCLKSR = 0x14;
    public static final int UNLOCK = 0x18;
    public static final int CSCR = 0x1C;
    public static final int OSCCTRL0 = 0x20;
    public static final int PLL0 = 0x24;
    public static final int DFLL0CONF = 0x28;
    public static final int DFLL0VAL = 0x2C;
    public static final int DFLL0MUL = 0x30;
    public static final int DFLL0STEP = 0x34;
    public static final int DFLL0SSG = 0x38;
    public static final int DFLL0RATIO = 0x3C;
    public static final int DFLL0SYNC = 0x40;
    public static final int RCCR = 0x44;
    public static final int RCFASTCFG = 0x48;
    public static final int RCFASTSR = 0x4C;
    public static final int RC80MCR = 0x50;
    public static final int HRPCR = 0x64;
    public static final int FPCR = 0x68;
    public static final int FPMUL = 0x6C;
    public static final int FPDIV = 0x70;
    public static final int GCCTRL0 = 0x74;
    public static final int GCLK_COUNT = 12;

    // PCLKSR / interrupt bits
    public static final int OSC0RDY = 1;
    public static final int DFLL0LOCKC = 1 << 1;
    public static final int DFLL0LOCKF = 1 << 2;
    public static final int DFLL0RDY = 1 << 3;
    public static final int DFLL0RCS = 1 << 4;
    public static final int PLL0LOCK = 1 << 6;
    public static final int PLL0LOCKLOST = 1 << 7;
    public static final int RCFASTLOCK = 1 << 13;
    public static final int RCFASTLOCKLOST = 1 << 14;
    public static final int AE = 1 << 31;

    public static final int OSCCTRL0_OSCEN = 1 << 16;
    public static final int PLL0_PLLEN = 1;
    public static final int PLL0_PLLOSC_SHIFT = 1;
    public static final int PLL0_PLLOPT_SHIFT = 3;
    public static final int PLL0_PLLDIV_SHIFT = 8;
    public static final int PLL0_PLLMUL_SHIFT = 16;
    public static final int DFLL0CONF_EN = 1;
    public static final int DFLL0CONF_MODE_CLOSED = 1 << 1;
    public static final int RCFASTCFG_EN = 1;
    public static final int RCFASTCFG_TUNEEN = 1 << 1;
    public static final int RCFASTCFG_FRANGE_SHIFT = 8;
    public static final int RC80MCR_EN = 1;
    public static final int GCCTRL_CEN = 1;
    public static final int GCCTRL_DIVEN = 1 << 1;
    public static final int GCCTRL_OCSEL_SHIFT = 8;
    public static final int GCCTRL_DIV_SHIFT = 16;

    // Generic clock sources (GCCTRL.OCSEL)
    public static final int SRC_RCSYS = 0;
    public static final int SRC_OSC32K = 1;
    public static final int SRC_DFLL0 = 2;
    public static final int SRC_OSC0 = 3;
    public static final int SRC_RC80M = 4;
    public static final int SRC_RCFAST = 5;
    public static final int SRC_RC1M = 6;
    public static final int SRC_CLK_CPU = 7;
    public static final int SRC_CLK_HSB = 8;
    public static final int SRC_CLK_PBA = 9;
    public static final int SRC_CLK_PBB = 10;
    public static final int SRC_CLK_PBC = 11;
    public static final int SRC_CLK_PBD = 12;
    public static final int SRC_RC32K = 13;
    public static final int SRC_CLK_1K = 15;
    public static final int SRC_PLL0 = 16;

    private final ClockTree tree;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final UnlockKey key;
    private final Register oscctrl0;
    private final Register pll0;
    private final Register dfll0conf;
    private final Register dfll0mul;
    private final Register rcfastcfg;
    private final Register rc80mcr;
    private final Register[] gcctrl = new Register[GCLK_COUNT];
    private final Register imr;
    private final Register isr;

    public ScifModel(ClockTree tree, InterruptLine irq) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.irq = Objects.requireNonNull(irq, "irq");
        bank = new RegisterBank("SCIF", BASE, 0, 0x400);
        key = new UnlockKey(this::accessError);
        imr = bank.internal("IMR state", 0);
        isr = bank.internal("ISR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.readOnly("ISR", ISR, () -> isr.value() | pclksr());
        bank.writeOnly("ICR", ICR, v -> { isr.clearBits(v); updateInterrupt(); });
        bank.readOnly("PCLKSR", PCLKSR, this::pclksr);
        bank.writeOnly("UNLOCK", UNLOCK, key::unlockWritten);
        bank.unmodelled("CSCR", CSCR, 0);
        oscctrl0 = locked("OSCCTRL0", OSCCTRL0, 0, 0x0001_0F0F);
        pll0 = locked("PLL0", PLL0, 0, 0x3F0F_0F3F);
        dfll0conf = locked("DFLL0CONF", DFLL0CONF, 0, 0x0F83_007F);
        bank.unmodelled("DFLL0VAL", DFLL0VAL, 0);
        dfll0mul = locked("DFLL0MUL", DFLL0MUL, 0, 0xFFFF);
        locked("DFLL0STEP", DFLL0STEP, 0, 0x001F_00FF);
        locked("DFLL0SSG", DFLL0SSG, 0, 0x001F_1F01);
        bank.readOnly("DFLL0RATIO", DFLL0RATIO, () -> 0);
        bank.writeOnly("DFLL0SYNC", DFLL0SYNC, v -> {});
        locked("RCCR", RCCR, 0, 0x3FF);
        rcfastcfg = locked("RCFASTCFG", RCFASTCFG, 0, 0x007F_F3F7);
        bank.readOnly("RCFASTSR", RCFASTSR, () -> 0);
        rc80mcr = locked("RC80MCR", RC80MCR, 0, 0x1);
        bank.unmodelled("HRPCR", HRPCR, 0);
        bank.unmodelled("FPCR", FPCR, 0);
        bank.unmodelled("FPMUL", FPMUL, 0);
        bank.unmodelled("FPDIV", FPDIV, 0);
        for (int n = 0; n < GCLK_COUNT; n++) {
            gcctrl[n] = bank.storage("GCCTRL" + n, GCCTRL0 + 4 * n, 0, 0xFFFF_1F03, tree::changed);
        }
    }

    private Register locked(String name, int offset, int reset, int writable) {
        Register[] self = new Register[1];
        self[0] = bank.custom(name, offset, reset, () -> self[0].value(), v -> {
            if (key.permit(offset, name)) {
                self[0].set((self[0].value() & ~writable) | (v & writable));
                tree.changed();
                updateInterrupt();
            }
        });
        return self[0];
    }

    private void accessError(String message) {
        bank.warn(message);
        isr.setBits(AE);
        updateInterrupt();
    }

    private void updateInterrupt() {
        irq.setLevel(((isr.value() | pclksr()) & imr.value()) != 0);
    }

    public RegisterBank registers() {
        return bank;
    }

    private int pclksr() {
        int v = DFLL0RDY;
        if (oscctrl0.isSet(OSCCTRL0_OSCEN)) {
            v |= OSC0RDY;
        }
        if (pll0.isSet(PLL0_PLLEN) && pllReferenceHz(tree) > 0) {
            v |= PLL0LOCK;
        }
        if (dfll0conf.isSet(DFLL0CONF_EN) && dfll0conf.isSet(DFLL0CONF_MODE_CLOSED) && tree.gclkHz(0) > 0) {
            v |= DFLL0LOCKC | DFLL0LOCKF;
        }
        if (rcfastcfg.isSet(RCFASTCFG_EN) && rcfastcfg.isSet(RCFASTCFG_TUNEEN)) {
            v |= RCFASTLOCK;
        }
        return v;
    }

    // ---- frequencies ----

    long osc0Hz() {
        return oscctrl0.isSet(OSCCTRL0_OSCEN) ? ClockTree.OSC0_CRYSTAL_HZ : 0;
    }

    private long pllReferenceHz(ClockTree t) {
        int pllosc = (pll0.value() >>> PLL0_PLLOSC_SHIFT) & 0b11;
        return switch (pllosc) {
            case 0 -> osc0Hz();
            case 1 -> t.gclkHz(9);
            default -> 0;
        };
    }

    long pllHz(ClockTree t) {
        int v = pll0.value();
        if ((v & PLL0_PLLEN) == 0) {
            return 0;
        }
        long ref = pllReferenceHz(t);
        int mul = (v >>> PLL0_PLLMUL_SHIFT) & 0xF;
        int div = (v >>> PLL0_PLLDIV_SHIFT) & 0xF;
        int opt = (v >>> PLL0_PLLOPT_SHIFT) & 0b111;
        long vco = div == 0 ? 2L * (mul + 1) * ref : (mul + 1) * ref / div;
        return (opt & 0b010) != 0 ? vco / 2 : vco;
    }

    long dfllHz(ClockTree t) {
        int conf = dfll0conf.value();
        if ((conf & DFLL0CONF_EN) == 0 || (conf & DFLL0CONF_MODE_CLOSED) == 0) {
            // Open loop runs at an uncalibrated frequency the emulator does not model.
            return 0;
        }
        return (long) (dfll0mul.value() & 0xFFFF) * t.gclkHz(0);
    }

    long rcfastHz() {
        if (!rcfastcfg.isSet(RCFASTCFG_EN)) {
            return 0;
        }
        return switch ((rcfastcfg.value() >>> RCFASTCFG_FRANGE_SHIFT) & 0b11) {
            case 0 -> 4_300_000;
            case 1 -> 8_200_000;
            case 2 -> 12_000_000;
            default -> 0;
        };
    }

    long rc80mHz() {
        return rc80mcr.isSet(RC80MCR_EN) ? ClockTree.RC80M_HZ : 0;
    }

    long gclkHz(int n, ClockTree t) {
        int v = gcctrl[n].value();
        if ((v & GCCTRL_CEN) == 0) {
            return 0;
        }
        int source = (v >>> GCCTRL_OCSEL_SHIFT) & 0x1F;
        if (n == 0 && source == SRC_DFLL0 || n == 9 && source == SRC_PLL0) {
            return 0; // a clock loop the hardware forbids
        }
        long hz = t.sourceHz(source);
        if ((v & GCCTRL_DIVEN) != 0) {
            int div = (v >>> GCCTRL_DIV_SHIFT) & 0xFFFF;
            hz = hz / (2L * (div + 1));
        }
        return hz;
    }
}
