package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * BSCIF, the SAM4L Backup System Control Interface (datasheet chapter 12), as silicon: the 32 kHz crystal
 * oscillator OSC32K, the 32 kHz RC oscillator RC32K and the 1 MHz RC oscillator RC1M.
 *
 * <ul>
 *   <li>OSCCTRL32, RC32KCR, RC32KTUNE, the BOD and VREG registers, RC1MCR and BGCTRL are write-protected by
 *       UNLOCK as in the PM.</li>
 *   <li>OSC32K runs while OSCCTRL32.OSC32EN is set (a 32768 Hz crystal is assumed on the board); RC32K runs
 *       while RC32KCR.EN is set. Each offers its 32 kHz and 1 kHz outputs (EN32K, EN1K) to the BPM's CK32
 *       selection. RC1M runs while RC1MCR.CLKOEN is set.</li>
 *   <li>PCLKSR reports OSC32RDY, RC32KRDY, RC32KLOCK, RC1MRDY at once; brown-out detectors and the regulator
 *       are stored only.</li>
 * </ul>
 */
public final class BscifModel {
    public static final int BASE = 0x400F_0400;

    public static final int IER = 0x00;
    public static final int IDR = 0x04;
    public static final int IMR = 0x08;
    public static final int ISR = 0x0C;
    public static final int ICR = 0x10;
    public static final int PCLKSR = 0x14;
    public static final int UNLOCK = 0x18;
    public static final int OSCCTRL32 = 0x20;
    public static final int RC32KCR = 0x24;
    public static final int RC32KTUNE = 0x28;
    public static final int BOD33CTRL = 0x2C;
    public static final int BOD33LEVEL = 0x30;
    public static final int BOD33SAMPLING = 0x34;
    public static final int BOD18CTRL = 0x38;
    public static final int BOD18LEVEL = 0x3C;
    public static final int BOD18SAMPLING = 0x40;
    public static final int VREGCR = 0x44;
    public static final int RC1MCR = 0x58;
    public static final int BGCTRL = 0x60;
    public static final int BGSR = 0x64;
    public static final int BR0 = 0x78;

    public static final int OSC32RDY = 1;
    public static final int RC32KRDY = 1 << 1;
    public static final int RC32KLOCK = 1 << 2;
    public static final int VREGOK = 1 << 10;
    public static final int RC1MRDY = 1 << 11;
    public static final int AE = 1 << 31;

    public static final int OSCCTRL32_OSC32EN = 1;
    public static final int OSCCTRL32_EN32K = 1 << 2;
    public static final int OSCCTRL32_EN1K = 1 << 3;
    public static final int RC32KCR_EN = 1;
    public static final int RC32KCR_EN32K = 1 << 2;
    public static final int RC32KCR_EN1K = 1 << 3;
    public static final int RC32KCR_MODE_CLOSED = 1 << 4;
    public static final int RC1MCR_CLKOEN = 1;

    private final ClockTree tree;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final UnlockKey key;
    private final Register oscctrl32;
    private final Register rc32kcr;
    private final Register rc1mcr;
    private final Register imr;
    private final Register isr;

    public BscifModel(ClockTree tree, InterruptLine irq) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.irq = Objects.requireNonNull(irq, "irq");
        bank = new RegisterBank("BSCIF", BASE, 0, 0x400);
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
        oscctrl32 = locked("OSCCTRL32", OSCCTRL32, 0x0000_0004, 0x0007_F70D);
        rc32kcr = locked("RC32KCR", RC32KCR, 0, 0xBF);
        locked("RC32KTUNE", RC32KTUNE, 0, 0x007F_003F);
        locked("BOD33CTRL", BOD33CTRL, 0, 0xC001_0303);
        locked("BOD33LEVEL", BOD33LEVEL, 0, 0x8000_003F);
        locked("BOD33SAMPLING", BOD33SAMPLING, 0, 0x0F03);
        locked("BOD18CTRL", BOD18CTRL, 0, 0xC001_0303);
        locked("BOD18LEVEL", BOD18LEVEL, 0, 0x8000_003F);
        locked("BOD18SAMPLING", BOD18SAMPLING, 0, 0x0F03);
        locked("VREGCR", VREGCR, 0, 0x8000_0701);
        rc1mcr = locked("RC1MCR", RC1MCR, 0, 0x1F81);
        locked("BGCTRL", BGCTRL, 0, 0x3);
        bank.readOnly("BGSR", BGSR, () -> 0x0003_00FF);
        for (int n = 0; n < 4; n++) {
            bank.unmodelled("BR" + n, BR0 + 4 * n, 0);
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

    private int pclksr() {
        int v = VREGOK;
        if (osc32kEnabled()) {
            v |= OSC32RDY;
        }
        if (rc32kEnabled()) {
            v |= RC32KRDY | (rc32kcr.isSet(RC32KCR_MODE_CLOSED) ? RC32KLOCK : 0);
        }
        if (rc1mcr.isSet(RC1MCR_CLKOEN)) {
            v |= RC1MRDY;
        }
        return v;
    }

    public RegisterBank registers() {
        return bank;
    }

    boolean osc32kEnabled() {
        return oscctrl32.isSet(OSCCTRL32_OSC32EN);
    }

    boolean osc32kOutput32k() {
        return osc32kEnabled() && oscctrl32.isSet(OSCCTRL32_EN32K);
    }

    boolean osc32kOutput1k() {
        return osc32kEnabled() && oscctrl32.isSet(OSCCTRL32_EN1K);
    }

    boolean rc32kEnabled() {
        return rc32kcr.isSet(RC32KCR_EN);
    }

    boolean rc32kOutput32k() {
        return rc32kEnabled() && rc32kcr.isSet(RC32KCR_EN32K);
    }

    boolean rc32kOutput1k() {
        return rc32kEnabled() && rc32kcr.isSet(RC32KCR_EN1K);
    }

    long rc1mHz() {
        return rc1mcr.isSet(RC1MCR_CLKOEN) ? ClockTree.RC1M_HZ : 0;
    }
}
