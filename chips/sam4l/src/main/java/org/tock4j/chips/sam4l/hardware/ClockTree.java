package org.tock4j.chips.sam4l.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SAM4L's clock system as the peripheral models see it: which oscillators run, the frequencies of the
 * main clock, the CPU/HSB clock, the four APB buses, the 32 kHz and 1 kHz clocks and the generic clocks, and
 * whether each peripheral's clock is let through by the PM's masks.
 *
 * <p>It reads the state of the {@link PmModel}, {@link ScifModel}, {@link BscifModel} and {@link BpmModel};
 * each of them calls {@link #changed()} after a register write, and every {@link PeripheralClock} and
 * listener then re-evaluates itself.
 *
 * <p>Frequencies are nominal: the RC oscillators run exactly at their typical frequency, the 16 MHz crystal
 * on OSC0 (the imix and Hail boards' crystal) exactly at 16 MHz. Oscillator start-up and PLL/DFLL lock times
 * are not modelled: a source is ready the moment it is enabled.
 */
public final class ClockTree {
    /** RCSYS, the always-on system RC oscillator (Tock counts it as 115200 Hz). */
    public static final long RCSYS_HZ = 115_200;
    /** The crystal on XIN0/XOUT0 of the imix and Hail boards. */
    public static final long OSC0_CRYSTAL_HZ = 16_000_000;
    public static final long RC32K_HZ = 32_768;
    public static final long OSC32K_HZ = 32_768;
    public static final long CLK_1K_HZ = 1_024;
    public static final long RC80M_HZ = 80_000_000;
    public static final long RC1M_HZ = 1_000_000;

    /** The bus a peripheral clock is derived from. */
    public enum Bus {
        HSB(PmModel.HSBMASK, -1),
        PBA(PmModel.PBAMASK, PmModel.HSB_APBA_BRIDGE),
        PBB(PmModel.PBBMASK, PmModel.HSB_APBB_BRIDGE),
        PBC(PmModel.PBCMASK, PmModel.HSB_APBC_BRIDGE),
        PBD(PmModel.PBDMASK, PmModel.HSB_APBD_BRIDGE);

        private final int maskOffset;
        private final int bridgeBit;

        Bus(int maskOffset, int bridgeBit) {
            this.maskOffset = maskOffset;
            this.bridgeBit = bridgeBit;
        }

        /** The PM mask register of the bus's peripherals. */
        public int maskOffset() {
            return maskOffset;
        }
    }

    private PmModel pm;
    private ScifModel scif;
    private BscifModel bscif;
    private BpmModel bpm;
    private final List<Runnable> listeners = new ArrayList<>();

    /** Connects the clock system's models (they exist before the tree can compute anything). */
    public void connect(PmModel pm, ScifModel scif, BscifModel bscif, BpmModel bpm) {
        this.pm = Objects.requireNonNull(pm, "pm");
        this.scif = Objects.requireNonNull(scif, "scif");
        this.bscif = Objects.requireNonNull(bscif, "bscif");
        this.bpm = Objects.requireNonNull(bpm, "bpm");
    }

    /** Runs {@code listener} after every change of the clock system. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A clock-system register changed: everything that depends on clocks re-evaluates. */
    public void changed() {
        if (pm == null) {
            return;
        }
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    /** A gate for the peripheral clock at {@code bit} of {@code bus}'s PM mask. */
    public PeripheralClock peripheral(String name, Bus bus, int bit) {
        PeripheralClock clock = new PeripheralClock(name, this, bus, bit);
        addListener(clock::reevaluate);
        return clock;
    }

    /** A gate that needs two mask bits (the PDCA and FLASHCALW have an HSB and a PBB clock). */
    public PeripheralClock peripheral(String name, Bus bus, int bit, Bus secondBus, int secondBit) {
        PeripheralClock clock = new PeripheralClock(name, this, bus, bit, secondBus, secondBit);
        addListener(clock::reevaluate);
        return clock;
    }

    // ---- gates ----

    /** Whether the PM lets bit {@code bit} of {@code bus}'s mask through (and the bus's bridge is clocked). */
    public boolean gateOpen(Bus bus, int bit) {
        if ((pm.mask(bus.maskOffset) & (1 << bit)) == 0) {
            return false;
        }
        return bus.bridgeBit < 0 || (pm.mask(PmModel.HSBMASK) & (1 << bus.bridgeBit)) != 0;
    }

    // ---- frequencies (0 when the clock does not run) ----

    /** CLK_MAIN, selected by PM.MCCTRL.MCSEL. */
    public long mainHz() {
        return switch (pm.mcsel()) {
            case PmModel.MCSEL_RCSYS -> RCSYS_HZ;
            case PmModel.MCSEL_OSC0 -> scif.osc0Hz();
            case PmModel.MCSEL_PLL -> scif.pllHz(this);
            case PmModel.MCSEL_DFLL -> scif.dfllHz(this);
            case PmModel.MCSEL_RC80M -> scif.rc80mHz();
            case PmModel.MCSEL_RCFAST -> scif.rcfastHz();
            case PmModel.MCSEL_RC1M -> bscif.rc1mHz();
            default -> 0;
        };
    }

    /** CLK_CPU (and CLK_HSB): CLK_MAIN divided as PM.CPUSEL says. */
    public long cpuHz() {
        return divided(mainHz(), pm.selectRegister(PmModel.CPUSEL));
    }

    /** The clock of {@code bus}: CLK_MAIN divided as its PBxSEL register says (HSB follows the CPU). */
    public long busHz(Bus bus) {
        return switch (bus) {
            case HSB -> cpuHz();
            case PBA -> divided(mainHz(), pm.selectRegister(PmModel.PBASEL));
            case PBB -> divided(mainHz(), pm.selectRegister(PmModel.PBBSEL));
            case PBC -> divided(mainHz(), pm.selectRegister(PmModel.PBCSEL));
            case PBD -> divided(mainHz(), pm.selectRegister(PmModel.PBDSEL));
        };
    }

    private static long divided(long hz, int sel) {
        boolean div = (sel & PmModel.SEL_DIV) != 0;
        return div ? hz >> ((sel & PmModel.SEL_MASK) + 1) : hz;
    }

    /** RC32K's output frequency for generic clocks (RC32KCR.EN). */
    public long rc32kHz() {
        return bscif.rc32kEnabled() ? RC32K_HZ : 0;
    }

    /** OSC32K's frequency (OSCCTRL32.OSC32EN; a 32768 Hz crystal is assumed). */
    public long osc32kHz() {
        return bscif.osc32kEnabled() ? OSC32K_HZ : 0;
    }

    /** CLK_32: the 32 kHz clock the BPM selects (PMCON.CK32S) with its 32 kHz output enabled. */
    public long clk32Hz() {
        return bpm.ck32FromRc32k() ? (bscif.rc32kOutput32k() ? RC32K_HZ : 0)
                : (bscif.osc32kOutput32k() ? OSC32K_HZ : 0);
    }

    /** CLK_1K: the 1 kHz output of the selected 32 kHz source. */
    public long clk1kHz() {
        return bpm.ck32FromRc32k() ? (bscif.rc32kOutput1k() ? CLK_1K_HZ : 0)
                : (bscif.osc32kOutput1k() ? CLK_1K_HZ : 0);
    }

    /** The frequency of SCIF clock source {@code source} (the OCSEL numbering of GCCTRL). */
    public long sourceHz(int source) {
        return switch (source) {
            case ScifModel.SRC_RCSYS -> RCSYS_HZ;
            case ScifModel.SRC_OSC32K -> osc32kHz();
            case ScifModel.SRC_DFLL0 -> scif.dfllHz(this);
            case ScifModel.SRC_OSC0 -> scif.osc0Hz();
            case ScifModel.SRC_RC80M -> scif.rc80mHz();
            case ScifModel.SRC_RCFAST -> scif.rcfastHz();
            case ScifModel.SRC_RC1M -> bscif.rc1mHz();
            case ScifModel.SRC_CLK_CPU, ScifModel.SRC_CLK_HSB -> cpuHz();
            case ScifModel.SRC_CLK_PBA -> busHz(Bus.PBA);
            case ScifModel.SRC_CLK_PBB -> busHz(Bus.PBB);
            case ScifModel.SRC_CLK_PBC -> busHz(Bus.PBC);
            case ScifModel.SRC_CLK_PBD -> busHz(Bus.PBD);
            case ScifModel.SRC_RC32K -> rc32kHz();
            case ScifModel.SRC_CLK_1K -> clk1kHz();
            case ScifModel.SRC_PLL0 -> scif.pllHz(this);
            default -> 0;
        };
    }

    /** The frequency of generic clock {@code n} (SCIF.GCCTRLn), 0 when disabled. */
    public long gclkHz(int n) {
        return scif.gclkHz(n, this);
    }
}
