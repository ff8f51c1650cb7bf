package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.ScifModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Tock's SCIF functions: starting and stopping OSC0, PLL0, DFLL0, RCFAST and RC80M, and the generic clocks,
 * programmed through the SCIF registers (each protected write preceded by its UNLOCK).
 *
 * <pre>{@code
 * scif.setupOsc16MHzFastStartup();
 * scif.setupPllOsc48MHz();
 * scif.genericClockEnable(Scif.GenericClock.GCLK10, Scif.ClockSource.RC32K);
 * }</pre>
 *
 * <p>Tock counterpart: the functions of {@code sam4l::scif}.
 */
public final class Scif {

    /** The twelve generic clocks. Tock counterpart: {@code scif::GenericClock}. */
    public enum GenericClock {
        GCLK0, GCLK1, GCLK2, GCLK3, GCLK4, GCLK5, GCLK6, GCLK7, GCLK8, GCLK9, GCLK10, GCLK11
    }

    /** Generic clock sources, numbered as GCCTRL.OCSEL. Tock counterpart: {@code scif::ClockSource}. */
    public enum ClockSource {
        RCSYS(0), OSC32K(1), DFLL0(2), OSC0(3), RC80M(4), RCFAST(5), RC1M(6), CLK_CPU(7), CLK_HSB(8),
        CLK_PBA(9), CLK_PBB(10), CLK_PBC(11), CLK_PBD(12), RC32K(13), CLK_1K(15), PLL0(16), HRP(17), FP(18),
        GCLK_IN0(19), GCLK_IN1(20), GCLK11(21);

        private final int value;

        ClockSource(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }
    }

    private static final int STARTUP_CYCLES_64 = 1;
    private static final int STARTUP_CYCLES_1024 = 14;
    private static final int GAIN_G4 = 4;
    private static final int MODE_CRYSTAL = 1;

    private final MmioRegisters regs;
    private final Bscif bscif;
    private final BusyWait spin;

    Scif(PhysicalMemory bus, Bscif bscif, BusyWait spin) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.bscif = Objects.requireNonNull(bscif, "bscif");
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    /** Lets the next write to the register at {@code offset} through. */
    public void unlock(int offset) {
        regs.write(UNLOCK, 0xAA << 24 | offset);
    }

    private boolean pclksr(int bit) {
        return regs.isSet(PCLKSR, bit);
    }

    /** Starts DFLL0 in closed loop at 48 MHz (1464 × 32768 Hz) from RC32K through GCLK0. */
    public void setupDfllRc32k48MHz() {
        if (!regs.isSet(DFLL0CONF, DFLL0CONF_EN) || !pclksr(DFLL0LOCKF)) {
            if (!bscif.rc32kEnabled()) {
                bscif.enableRc32k();
            }
            regs.write(DFLL0SYNC, 1);
            spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
            int conf = regs.read(DFLL0CONF);
            int newConf = (conf & ~(0b11 << 16)) | DFLL0CONF_EN | DFLL0CONF_MODE_CLOSED | 2 << 16;
            regs.write(GCCTRL0, GCCTRL_CEN | ClockSource.RC32K.value() << GCCTRL_OCSEL_SHIFT);
            unlock(DFLL0CONF);
            regs.write(DFLL0CONF, DFLL0CONF_EN);
            spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
            unlock(DFLL0STEP);
            regs.write(DFLL0STEP, 4 | 4 << 16);
            spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
            unlock(DFLL0MUL);
            regs.write(DFLL0MUL, 1464); // 48 MHz / 32768 Hz
            spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
            unlock(DFLL0SSG);
            regs.write(DFLL0SSG, 0);
            spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
            unlock(DFLL0CONF);
            regs.write(DFLL0CONF, newConf);
            spin.until(() -> pclksr(DFLL0LOCKF), "SCIF PCLKSR.DFLL0LOCKF");
        }
    }

    public void disableDfllRc32k() {
        regs.write(DFLL0SYNC, 1);
        spin.until(() -> pclksr(DFLL0RDY), "SCIF PCLKSR.DFLL0RDY");
        int conf = regs.read(DFLL0CONF);
        unlock(DFLL0CONF);
        regs.write(DFLL0CONF, conf & ~DFLL0CONF_EN);
        genericClockDisable(GenericClock.GCLK0);
        spin.until(() -> !regs.isSet(DFLL0CONF, DFLL0CONF_EN), "DFLL0 to stop");
    }

    /** OSC0 with the 16 MHz crystal, 64-cycle start-up. */
    public void setupOsc16MHzFastStartup() {
        setupOsc16MHz(STARTUP_CYCLES_64);
    }

    /** OSC0 with the 16 MHz crystal, 1024-cycle start-up. */
    public void setupOsc16MHzSlowStartup() {
        setupOsc16MHz(STARTUP_CYCLES_1024);
    }

    private void setupOsc16MHz(int startup) {
        unlock(OSCCTRL0);
        regs.write(OSCCTRL0, OSCCTRL0_OSCEN | startup << 8 | GAIN_G4 << 1 | MODE_CRYSTAL);
        spin.until(() -> pclksr(OSC0RDY), "SCIF PCLKSR.OSC0RDY");
    }

    public void disableOsc16MHz() {
        int v = regs.read(OSCCTRL0);
        unlock(OSCCTRL0);
        regs.write(OSCCTRL0, v & ~OSCCTRL0_OSCEN);
        spin.until(() -> !regs.isSet(OSCCTRL0, OSCCTRL0_OSCEN), "OSC0 to stop");
    }

    /** PLL0 from OSC0: ((5 + 1) / 1 × 16 MHz) / 2 = 48 MHz. */
    public void setupPllOsc48MHz() {
        unlock(PLL0);
        regs.write(PLL0, 0x3F << 24 | 5 << PLL0_PLLMUL_SHIFT | 1 << PLL0_PLLDIV_SHIFT | 2 << PLL0_PLLOPT_SHIFT
                | PLL0_PLLEN);
        spin.until(() -> pclksr(PLL0LOCK), "SCIF PCLKSR.PLL0LOCK");
    }

    public void disablePll() {
        int v = regs.read(PLL0);
        unlock(PLL0);
        regs.write(PLL0, v & ~PLL0_PLLEN);
        spin.until(() -> !regs.isSet(PLL0, PLL0_PLLEN), "PLL0 to stop");
    }

    public void setupRc80MHz() {
        int v = regs.read(RC80MCR);
        unlock(RC80MCR);
        regs.write(RC80MCR, v | RC80MCR_EN);
        spin.until(() -> regs.isSet(RC80MCR, RC80MCR_EN), "RC80M to start");
    }

    public void disableRc80MHz() {
        int v = regs.read(RC80MCR);
        unlock(RC80MCR);
        regs.write(RC80MCR, v & ~RC80MCR_EN);
        spin.until(() -> !regs.isSet(RC80MCR, RC80MCR_EN), "RC80M to stop");
    }

    /** RCFAST in open loop at {@code range} (0: 4 MHz, 1: 8 MHz, 2: 12 MHz). */
    void setupRcfast(int range) {
        int v = regs.read(RCFASTCFG);
        v = (v & ~(0b11 << RCFASTCFG_FRANGE_SHIFT) & ~RCFASTCFG_TUNEEN) | range << RCFASTCFG_FRANGE_SHIFT
                | RCFASTCFG_EN;
        unlock(RCFASTCFG);
        regs.write(RCFASTCFG, v);
        spin.until(() -> regs.isSet(RCFASTCFG, RCFASTCFG_EN), "RCFAST to start");
    }

    public void setupRcfast4MHz() {
        setupRcfast(0);
    }

    public void setupRcfast8MHz() {
        setupRcfast(1);
    }

    public void setupRcfast12MHz() {
        setupRcfast(2);
    }

    public void disableRcfast() {
        int v = regs.read(RCFASTCFG);
        unlock(RCFASTCFG);
        regs.write(RCFASTCFG, v & ~RCFASTCFG_EN);
        spin.until(() -> !regs.isSet(RCFASTCFG, RCFASTCFG_EN), "RCFAST to stop");
    }

    public void genericClockDisable(GenericClock clock) {
        regs.write(GCCTRL0 + 4 * clock.ordinal(), 0);
    }

    public void genericClockEnable(GenericClock clock, ClockSource source) {
        regs.write(GCCTRL0 + 4 * clock.ordinal(), source.value() << GCCTRL_OCSEL_SHIFT | GCCTRL_CEN);
    }

    /** GCLKn from {@code source} divided by {@code 2 (divider + 1)}. */
    public void genericClockEnableDivided(GenericClock clock, ClockSource source, int divider) {
        regs.write(GCCTRL0 + 4 * clock.ordinal(), source.value() << GCCTRL_OCSEL_SHIFT | GCCTRL_DIVEN
                | (divider & 0xFFFF) << GCCTRL_DIV_SHIFT | GCCTRL_CEN);
    }
}
