package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * PM, the SAM4L Power Manager (datasheet chapter 10), as silicon: main clock selection, the CPU and APB
 * clock dividers, and the clock masks that gate every module's clock.
 *
 * <ul>
 *   <li>MCCTRL, CPUSEL, PBxSEL, the masks, PBADIVMASK, CFDCTRL and PPCR are write-protected: each write must
 *       directly follow an UNLOCK write of {@code 0xAA << 24 | offset}; otherwise it is ignored and SR/ISR.AE
 *       is set.</li>
 *   <li>A write to a mask takes effect at once: a module whose bit is clear gets no clock (its registers read
 *       0 and ignore writes, its activity is frozen) until the bit is set again.</li>
 *   <li>SR.CKRDY is always 1: divider changes settle instantly.</li>
 *   <li>The interrupt line is high while a flag of ISR is set whose IMR bit is set.</li>
 * </ul>
 *
 * <p>The PM's own clock cannot be masked here (PBCMASK.PM, SCIF and the BPM/BSCIF bits only store), and
 * the emulated core runs at 48 MHz whatever MCCTRL selects: the selection sets the peripherals' clocks.
 */
public final class PmModel {
    public static final int BASE = 0x400E_0000;

    public static final int MCCTRL = 0x000;
    public static final int CPUSEL = 0x004;
    public static final int PBASEL = 0x00C;
    public static final int PBBSEL = 0x010;
    public static final int PBCSEL = 0x014;
    public static final int PBDSEL = 0x018;
    public static final int CPUMASK = 0x020;
    public static final int HSBMASK = 0x024;
    public static final int PBAMASK = 0x028;
    public static final int PBBMASK = 0x02C;
    public static final int PBCMASK = 0x030;
    public static final int PBDMASK = 0x034;
    public static final int PBADIVMASK = 0x040;
    public static final int CFDCTRL = 0x054;
    public static final int UNLOCK = 0x058;
    public static final int IER = 0x0C0;
    public static final int IDR = 0x0C4;
    public static final int IMR = 0x0C8;
    public static final int ISR = 0x0CC;
    public static final int ICR = 0x0D0;
    public static final int SR = 0x0D4;
    public static final int PPCR = 0x160;
    public static final int RCAUSE = 0x180;
    public static final int WCAUSE = 0x184;
    public static final int AWEN = 0x188;
    public static final int PROTCTRL = 0x18C;
    public static final int FASTSLEEP = 0x194;
    public static final int CONFIG = 0x200;
    public static final int VERSION = 0x204;

    public static final int MCSEL_RCSYS = 0;
    public static final int MCSEL_OSC0 = 1;
    public static final int MCSEL_PLL = 2;
    public static final int MCSEL_DFLL = 3;
    public static final int MCSEL_RC80M = 4;
    public static final int MCSEL_RCFAST = 5;
    public static final int MCSEL_RC1M = 6;

    /** CPUSEL.CPUDIV / PBxSEL.PBDIV: divide by 2^(SEL + 1). */
    public static final int SEL_DIV = 1 << 7;
    public static final int SEL_MASK = 0b111;

    // HSBMASK bits
    public static final int HSB_PDCA = 0;
    public static final int HSB_FLASHCALW = 1;
    public static final int HSB_FLASHCALW_PICOCACHE = 2;
    public static final int HSB_USBC = 3;
    public static final int HSB_CRCCU = 4;
    public static final int HSB_APBA_BRIDGE = 5;
    public static final int HSB_APBB_BRIDGE = 6;
    public static final int HSB_APBC_BRIDGE = 7;
    public static final int HSB_APBD_BRIDGE = 8;
    public static final int HSB_AESA = 9;
    // PBAMASK bits
    public static final int PBA_IISC = 0;
    public static final int PBA_SPI = 1;
    public static final int PBA_TC0 = 2;
    public static final int PBA_TC1 = 3;
    public static final int PBA_TWIM0 = 4;
    public static final int PBA_TWIS0 = 5;
    public static final int PBA_TWIM1 = 6;
    public static final int PBA_TWIS1 = 7;
    public static final int PBA_USART0 = 8;
    public static final int PBA_ADCIFE = 12;
    public static final int PBA_TRNG = 17;
    public static final int PBA_TWIM2 = 21;
    public static final int PBA_TWIM3 = 22;
    // PBBMASK bits
    public static final int PBB_FLASHCALW = 0;
    public static final int PBB_HRAMC1 = 1;
    public static final int PBB_HMATRIX = 2;
    public static final int PBB_PDCA = 3;
    // PBCMASK bits
    public static final int PBC_GPIO = 4;
    // PBDMASK bits
    public static final int PBD_AST = 2;

    // ISR / SR bits
    public static final int SR_CFD = 1;
    public static final int SR_CKRDY = 1 << 5;
    public static final int SR_WAKE = 1 << 8;
    public static final int SR_AE = 1 << 31;

    public static final int HSBMASK_RESET = 0x1E2;
    public static final int PBBMASK_RESET = 0x1;
    public static final int PBCMASK_RESET = 0x1F;
    public static final int PBDMASK_RESET = 0x3F;

    private final ClockTree tree;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final UnlockKey key;
    private final Register mcctrl;
    private final Register cpusel;
    private final Register pbasel;
    private final Register pbbsel;
    private final Register pbcsel;
    private final Register pbdsel;
    private final Register hsbmask;
    private final Register pbamask;
    private final Register pbbmask;
    private final Register pbcmask;
    private final Register pbdmask;
    private final Register imr;
    private final Register isr;

    public PmModel(ClockTree tree, InterruptLine irq) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.irq = Objects.requireNonNull(irq, "irq");
        bank = new RegisterBank("PM", BASE, 0, 0x400);
        key = new UnlockKey(this::accessError);
        mcctrl = locked("MCCTRL", MCCTRL, 0, 0b111);
        cpusel = locked("CPUSEL", CPUSEL, 0, SEL_DIV | SEL_MASK);
        pbasel = locked("PBASEL", PBASEL, 0, SEL_DIV | SEL_MASK);
        pbbsel = locked("PBBSEL", PBBSEL, 0, SEL_DIV | SEL_MASK);
        pbcsel = locked("PBCSEL", PBCSEL, 0, SEL_DIV | SEL_MASK);
        pbdsel = locked("PBDSEL", PBDSEL, 0, SEL_DIV | SEL_MASK);
        locked("CPUMASK", CPUMASK, 0x1, 0x1);
        hsbmask = locked("HSBMASK", HSBMASK, HSBMASK_RESET, 0x3FF);
        pbamask = locked("PBAMASK", PBAMASK, 0, 0x00EF_FFFF);
        pbbmask = locked("PBBMASK", PBBMASK, PBBMASK_RESET, 0x7F);
        pbcmask = locked("PBCMASK", PBCMASK, PBCMASK_RESET, 0x1F);
        pbdmask = locked("PBDMASK", PBDMASK, PBDMASK_RESET, 0x3F);
        locked("PBADIVMASK", PBADIVMASK, 0x7F, 0x7F);
        locked("CFDCTRL", CFDCTRL, 0, 0x8000_0001);
        bank.writeOnly("UNLOCK", UNLOCK, key::unlockWritten);
        imr = bank.internal("IMR state", 0);
        isr = bank.internal("ISR state", 0);
        int flags = SR_CFD | SR_CKRDY | SR_WAKE | SR_AE;
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & flags); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.readOnly("ISR", ISR, isr::value);
        bank.writeOnly("ICR", ICR, v -> { isr.clearBits(v); updateInterrupt(); });
        bank.readOnly("SR", SR, () -> SR_CKRDY | (isr.value() & SR_AE));
        locked("PPCR", PPCR, 0x1FE, 0x7FF);
        bank.constant("RCAUSE", RCAUSE, 0x1); // power-on reset
        bank.constant("WCAUSE", WCAUSE, 0);
        bank.unmodelled("AWEN", AWEN, 0);
        bank.unmodelled("PROTCTRL", PROTCTRL, 0);
        bank.unmodelled("FASTSLEEP", FASTSLEEP, 0);
        bank.constant("CONFIG", CONFIG, 0x8F);
        bank.constant("VERSION", VERSION, 0x441);
    }

    private Register locked(String name, int offset, int reset, int writable) {
        Register[] self = new Register[1];
        self[0] = bank.custom(name, offset, reset, () -> self[0].value(), v -> {
            if (key.permit(offset, name)) {
                self[0].set((self[0].value() & ~writable) | (v & writable));
                if (offset == MCCTRL) {
                    checkMainClock();
                }
                tree.changed();
            }
        });
        return self[0];
    }

    private void accessError(String message) {
        bank.warn(message);
        isr.setBits(SR_AE);
        updateInterrupt();
    }

    private void checkMainClock() {
        if (tree.mainHz() == 0) {
            bank.warn("MCCTRL selects main clock source " + mcsel() + ", which is not running: every clock stops");
        }
    }

    private void updateInterrupt() {
        irq.setLevel((isr.value() & imr.value()) != 0);
    }

    public RegisterBank registers() {
        return bank;
    }

    /** The value of the mask register at {@code offset} (HSBMASK, PBAMASK, ...). */
    public int mask(int offset) {
        return switch (offset) {
            case HSBMASK -> hsbmask.value();
            case PBAMASK -> pbamask.value();
            case PBBMASK -> pbbmask.value();
            case PBCMASK -> pbcmask.value();
            case PBDMASK -> pbdmask.value();
            default -> throw new IllegalArgumentException("not a PM mask register: 0x" + Integer.toHexString(offset));
        };
    }

    /** MCCTRL.MCSEL. */
    public int mcsel() {
        return mcctrl.value() & 0b111;
    }

    /** The value of a divider select register (CPUSEL, PBASEL, ... PBDSEL). */
    public int selectRegister(int offset) {
        return switch (offset) {
            case CPUSEL -> cpusel.value();
            case PBASEL -> pbasel.value();
            case PBBSEL -> pbbsel.value();
            case PBCSEL -> pbcsel.value();
            case PBDSEL -> pbdsel.value();
            default -> throw new IllegalArgumentException("not a PM select register: 0x" + Integer.toHexString(offset));
        };
    }
}
