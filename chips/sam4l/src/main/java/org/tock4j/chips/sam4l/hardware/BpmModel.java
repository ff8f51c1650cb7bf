package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * BPM, the SAM4L Backup Power Manager (datasheet chapter 11), as far as clocks go: PMCON.CK32S selects
 * whether CLK_32 (the AST's and the 1 kHz clocks) comes from OSC32K or RC32K.
 *
 * <ul>
 *   <li>PMCON, BKUPWEN, BKUPPMUX and IORET are write-protected by UNLOCK (key 0xAA) as in the PM.</li>
 *   <li>SR.PSOK is always 1: a power-scaling request (PMCON.PS with PSCREQ) completes at once. Sleep modes,
 *       backup mode and I/O retention are stored, not modelled.</li>
 * </ul>
 */
public final class BpmModel {
    public static final int BASE = 0x400F_0000;

    public static final int IER = 0x00;
    public static final int IDR = 0x04;
    public static final int IMR = 0x08;
    public static final int ISR = 0x0C;
    public static final int ICR = 0x10;
    public static final int SR = 0x14;
    public static final int UNLOCK = 0x18;
    public static final int PMCON = 0x1C;
    public static final int BKUPWCAUSE = 0x28;
    public static final int BKUPWEN = 0x2C;
    public static final int BKUPPMUX = 0x30;
    public static final int IORET = 0x34;

    public static final int PSOK = 1;
    public static final int AE = 1 << 31;
    public static final int PMCON_PS_MASK = 0b11;
    public static final int PMCON_PSCREQ = 1 << 2;
    public static final int PMCON_CK32S = 1 << 16;

    private final ClockTree tree;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final UnlockKey key;
    private final Register pmcon;
    private final Register imr;
    private final Register isr;

    public BpmModel(ClockTree tree, InterruptLine irq) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.irq = Objects.requireNonNull(irq, "irq");
        bank = new RegisterBank("BPM", BASE, 0, 0x400);
        key = new UnlockKey(this::accessError);
        imr = bank.internal("IMR state", 0);
        isr = bank.internal("ISR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.readOnly("ISR", ISR, isr::value);
        bank.writeOnly("ICR", ICR, v -> { isr.clearBits(v); updateInterrupt(); });
        bank.readOnly("SR", SR, () -> PSOK | (isr.value() & AE));
        bank.writeOnly("UNLOCK", UNLOCK, key::unlockWritten);
        Register[] self = new Register[1];
        self[0] = bank.custom("PMCON", PMCON, 0, () -> self[0].value(), v -> {
            if (key.permit(PMCON, "PMCON")) {
                // PSCREQ reads back 0: the power-scaling change is done at once.
                self[0].set(v & 0x0101_330B & ~PMCON_PSCREQ);
                tree.changed();
            }
        });
        pmcon = self[0];
        bank.readOnly("BKUPWCAUSE", BKUPWCAUSE, () -> 0);
        lockedStorage("BKUPWEN", BKUPWEN);
        lockedStorage("BKUPPMUX", BKUPPMUX);
        lockedStorage("IORET", IORET);
    }

    private void lockedStorage(String name, int offset) {
        Register[] self = new Register[1];
        self[0] = bank.custom(name, offset, 0, () -> self[0].value(), v -> {
            if (key.permit(offset, name)) {
                self[0].set(v);
            }
        });
    }

    private void accessError(String message) {
        bank.warn(message);
        isr.setBits(AE);
        updateInterrupt();
    }

    private void updateInterrupt() {
        irq.setLevel(((isr.value() | PSOK) & imr.value()) != 0);
    }

    public RegisterBank registers() {
        return bank;
    }

    /** PMCON.CK32S: CLK_32 comes from RC32K (else from OSC32K). */
    boolean ck32FromRc32k() {
        return pmcon.isSet(PMCON_CK32S);
    }
}
