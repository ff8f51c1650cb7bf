package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.PmModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.chips.sam4l.SystemClockSource.DfllRc32kAt48MHz;
import org.tock4j.chips.sam4l.SystemClockSource.ExternalOscillator;
import org.tock4j.chips.sam4l.SystemClockSource.OscillatorStartup;
import org.tock4j.chips.sam4l.SystemClockSource.PllExternalOscillatorAt48MHz;
import org.tock4j.chips.sam4l.SystemClockSource.Rc1M;
import org.tock4j.chips.sam4l.SystemClockSource.Rc80M;
import org.tock4j.chips.sam4l.SystemClockSource.Rcfast;
import org.tock4j.chips.sam4l.SystemClockSource.RcsysAt115kHz;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Tock's Power Manager: the system clock set-up a board does first in {@code main}, the module clock masks
 * every driver switches on before touching its peripheral, and the software's idea of the system frequency
 * that drivers compute baud rates from.
 *
 * <pre>{@code
 * PowerManager pm = chip.pm();
 * pm.setupSystemClock(new SystemClockSource.PllExternalOscillatorAt48MHz(
 *         OscillatorFrequency.Frequency16MHz, OscillatorStartup.FastStart), chip.flashController());
 * pm.enableClock(Clock.Pba.USART3);
 * pm.getSystemFrequency();          // 48_000_000
 * }</pre>
 *
 * <p>Each mask change is an UNLOCK write of the mask's offset followed by the write, as Tock's
 * {@code mask_clock!} does.
 *
 * <p>Tock counterpart: {@code sam4l::pm::PowerManager} and the functions of {@code sam4l::pm}
 * ({@code enable_clock}, {@code disable_clock}, {@code is_clock_enabled}, {@code deep_sleep_ready}).
 */
public final class PowerManager {
    private static final int CLOCK_RCSYS = 0x01;
    private static final int CLOCK_RC1M = 0x02;
    private static final int CLOCK_RCFAST = 0x04;
    private static final int CLOCK_OSC0 = 0x08;
    private static final int CLOCK_DFLL = 0x10;
    private static final int CLOCK_PLL = 0x20;
    private static final int CLOCK_RC80M = 0x40;

    private final MmioRegisters regs;
    private final Scif scif;
    private final Bscif bscif;
    private final Bpm bpm;
    private final BusyWait spin;
    private final GpioInterruptCount gpioInterrupts;
    private SystemClockSource systemClockSource = new RcsysAt115kHz();
    private int systemOnClocks = CLOCK_RCSYS;
    private boolean systemInitialConfigs;

    PowerManager(PhysicalMemory bus, Scif scif, Bscif bscif, Bpm bpm, BusyWait spin,
            GpioInterruptCount gpioInterrupts) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.scif = Objects.requireNonNull(scif, "scif");
        this.bscif = Objects.requireNonNull(bscif, "bscif");
        this.bpm = Objects.requireNonNull(bpm, "bpm");
        this.spin = Objects.requireNonNull(spin, "spin");
        this.gpioInterrupts = Objects.requireNonNull(gpioInterrupts, "gpioInterrupts");
    }

    // ---- module clocks ----

    private void unlock(int offset) {
        regs.write(UNLOCK, 0xAA << 24 | offset);
    }

    public void enableClock(Clock clock) {
        unlock(clock.maskOffset());
        int value = regs.read(clock.maskOffset()) | 1 << clock.bit();
        regs.write(clock.maskOffset(), value);
    }

    public void disableClock(Clock clock) {
        unlock(clock.maskOffset());
        int value = regs.read(clock.maskOffset()) & ~(1 << clock.bit());
        regs.write(clock.maskOffset(), value);
    }

    public boolean isClockEnabled(Clock clock) {
        unlock(clock.maskOffset());
        return (regs.read(clock.maskOffset()) & 1 << clock.bit()) != 0;
    }

    /**
     * Whether the core could enter deep sleep without stopping an active peripheral: only the flash, the
     * PicoCache, the APB bridges and the PDCA on the HSB; only the TWI slaves on PBA; only the flash, HRAMC1
     * and the PDCA on PBB; and no GPIO interrupt enabled.
     */
    public boolean deepSleepReady() {
        int hsbAllowed = bits(Clock.Hsb.PDCA, Clock.Hsb.FLASHCALW, Clock.Hsb.FLASHCALWP, Clock.Hsb.APBA,
                Clock.Hsb.APBB, Clock.Hsb.APBC, Clock.Hsb.APBD);
        int pbaAllowed = bits(Clock.Pba.TWIS0, Clock.Pba.TWIS1);
        int pbbAllowed = bits(Clock.Pbb.FLASHCALW, Clock.Pbb.HRAMC1, Clock.Pbb.PDCA);
        boolean hsb = (regs.read(HSBMASK) & ~hsbAllowed) == 0;
        boolean pba = (regs.read(PBAMASK) & ~pbaAllowed) == 0;
        boolean pbb = (regs.read(PBBMASK) & ~pbbAllowed) == 0;
        return hsb && pba && pbb && gpioInterrupts.count() == 0;
    }

    private static int bits(Clock... clocks) {
        int v = 0;
        for (Clock c : clocks) {
            v |= 1 << c.bit();
        }
        return v;
    }

    // ---- the system clock ----

    private void selectMainClock(int mcsel) {
        unlock(MCCTRL);
        regs.write(MCCTRL, mcsel);
    }

    private void waitClockReady() {
        spin.until(() -> regs.isSet(SR, SR_CKRDY), "PM SR.CKRDY");
    }

    /** Sets the system clock up: call once, first thing at boot. */
    public void setupSystemClock(SystemClockSource source, Flashcalw flashController) {
        Objects.requireNonNull(source, "source");
        if (!systemInitialConfigs) {
            // PS2 enables every core speed (PS1 lacks USB, the DFLL and flash programming).
            bpm.setPowerScaling(Bpm.PowerScaling.PS2);
            // The BPM, AST and DFLL need the 32 kHz RC oscillator.
            bscif.enableRc32k();
            flashController.enableCache();
            flashController.enableHighSpeedFlash();
            systemInitialConfigs = true;
        }
        switch (source) {
            case RcsysAt115kHz s -> {
                flashController.setWaitState(0);
                selectMainClock(MCSEL_RCSYS);
            }
            case DfllRc32kAt48MHz s -> {
                scif.setupDfllRc32k48MHz();
                systemOnClocks |= CLOCK_DFLL;
                flashController.setWaitState(1);
                selectMainClock(MCSEL_DFLL);
            }
            case ExternalOscillator s -> {
                if ((systemOnClocks & CLOCK_PLL) == 0) {
                    startOsc0(s.startupMode());
                }
                systemOnClocks |= CLOCK_OSC0;
                flashController.setWaitState(0);
                selectMainClock(MCSEL_OSC0);
            }
            case PllExternalOscillatorAt48MHz s -> {
                if ((systemOnClocks & CLOCK_OSC0) == 0) {
                    startOsc0(s.startupMode());
                }
                scif.setupPllOsc48MHz();
                systemOnClocks |= CLOCK_PLL;
                flashController.setWaitState(1);
                selectMainClock(MCSEL_PLL);
            }
            case Rc80M s -> {
                scif.setupRc80MHz();
                for (int sel : new int[] {PBASEL, PBBSEL, PBCSEL, PBDSEL}) {
                    int v = regs.read(sel);
                    unlock(sel);
                    regs.write(sel, (v & ~SEL_MASK) | SEL_DIV);
                    waitClockReady();
                }
                systemOnClocks |= CLOCK_RC80M;
                // RC80M must be divided by at least 2 before it clocks the CPU.
                int cpusel = regs.read(CPUSEL);
                unlock(CPUSEL);
                regs.write(CPUSEL, (cpusel & ~SEL_MASK) | SEL_DIV);
                waitClockReady();
                flashController.setWaitState(1);
                selectMainClock(MCSEL_RC80M);
            }
            case Rcfast s -> {
                if ((systemOnClocks & CLOCK_RCFAST) != 0) {
                    // RCFAST must be off before its frequency changes.
                    selectMainClock(MCSEL_RCSYS);
                    scif.disableRcfast();
                }
                scif.setupRcfast(s.frequency().ordinal());
                systemOnClocks |= CLOCK_RCFAST;
                flashController.setWaitState(0);
                selectMainClock(MCSEL_RCFAST);
            }
            case Rc1M s -> {
                bscif.setupRc1MHz();
                systemOnClocks |= CLOCK_RC1M;
                flashController.setWaitState(0);
                selectMainClock(MCSEL_RC1M);
            }
        }
        systemClockSource = source;
    }

    private void startOsc0(OscillatorStartup startup) {
        if (startup == OscillatorStartup.FastStart) {
            scif.setupOsc16MHzFastStartup();
        } else {
            scif.setupOsc16MHzSlowStartup();
        }
    }

    /** Turns {@code source} off (never RCSYS, which always runs). */
    public void disableSystemClock(SystemClockSource source) {
        switch (source) {
            case RcsysAt115kHz s -> {
            }
            case ExternalOscillator s -> {
                if ((systemOnClocks & CLOCK_PLL) == 0) {
                    scif.disableOsc16MHz();
                }
                systemOnClocks &= ~CLOCK_OSC0;
            }
            case PllExternalOscillatorAt48MHz s -> {
                scif.disablePll();
                if ((systemOnClocks & CLOCK_OSC0) == 0) {
                    scif.disableOsc16MHz();
                }
                systemOnClocks &= ~CLOCK_PLL;
            }
            case DfllRc32kAt48MHz s -> {
                scif.disableDfllRc32k();
                systemOnClocks &= ~CLOCK_DFLL;
            }
            case Rc80M s -> {
                scif.disableRc80MHz();
                for (int sel : new int[] {CPUSEL, PBASEL, PBBSEL, PBCSEL, PBDSEL}) {
                    int v = regs.read(sel);
                    unlock(sel);
                    regs.write(sel, v & ~(SEL_DIV | SEL_MASK));
                    waitClockReady();
                }
                systemOnClocks &= ~CLOCK_RC80M;
            }
            case Rcfast s -> {
                scif.disableRcfast();
                systemOnClocks &= ~CLOCK_RCFAST;
            }
            case Rc1M s -> {
                bscif.disableRc1MHz();
                systemOnClocks &= ~CLOCK_RC1M;
            }
        }
    }

    /** Switches to {@code source} and turns the previous system clock off. */
    public void changeSystemClock(SystemClockSource source, Flashcalw flashController) {
        SystemClockSource previous = systemClockSource;
        if (previous.equals(source)) {
            return;
        }
        setupSystemClock(source, flashController);
        if (source instanceof Rcfast && previous instanceof Rcfast) {
            return;
        }
        disableSystemClock(previous);
    }

    /** The system clock frequency, as Tock's software counts it. */
    public int getSystemFrequency() {
        return switch (systemClockSource) {
            case RcsysAt115kHz s -> 115_200;
            case DfllRc32kAt48MHz s -> 48_000_000;
            case ExternalOscillator s -> 16_000_000;
            case PllExternalOscillatorAt48MHz s -> 48_000_000;
            case Rc80M s -> 40_000_000;
            case Rcfast s -> switch (s.frequency()) {
                case Frequency4MHz -> 4_300_000;
                case Frequency8MHz -> 8_200_000;
                case Frequency12MHz -> 12_000_000;
            };
            case Rc1M s -> 1_000_000;
        };
    }

    public SystemClockSource systemClockSource() {
        return systemClockSource;
    }
}
