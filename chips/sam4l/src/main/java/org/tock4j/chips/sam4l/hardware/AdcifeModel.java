package org.tock4j.chips.sam4l.hardware;

import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.SensorValue;

/**
 * ADCIFE, the SAM4L ADC interface (datasheet chapter 38), as silicon: single conversions of the voltage on
 * one of the pads AD0–AD14 or an internal source, triggered by software, by its internal timer or
 * continuously, at 12 or 8 bits.
 *
 * <ul>
 *   <li>CLK_ADC is GCLK10 (CFG.CLKSEL = 0) or the PBA clock (1), divided by {@code 2^(PRESCAL + 2)}. A
 *       conversion takes 8 CLK_ADC cycles, plus {@code STARTUP + 1} cycles for the first one after CR.EN when
 *       TIM.ENSTUP is set.</li>
 *   <li>Triggers (SEQCFG.TRGSEL): CR.STRIG (software); the internal timer (1), started by CR.TSTART and stopped
 *       by CR.TSTOP, triggers every ITMC + 1 CLK_ADC cycles and sets SR.TTO; continuous mode (3) converts
 *       back to back from TSTART (or STRIG) until TSTOP. A trigger during a conversion sets SR.SMTRG.</li>
 *   <li>The result: {@code (V(MUXPOS) − V(MUXNEG)) × gain / Vref × (2^bits − 1)}, truncated and clamped to the
 *       range, left-justified in 16 bits when SEQCFG.HWLA is set. Vref by CFG.REFSEL: 1.0 V, 0.625 VCC or
 *       0.5 VCC with VCC = 3.3 V. Positive inputs: pads AD0–AD14 (a {@link SensorValue} in millivolts
 *       each, sampled when the conversion ends), or the bandgap (MUXPOS 15, 1.0 V); with
 *       SEQCFG.INTERNAL[0] the internal sources: scaled VCC (2, VCC/10), DAC (3, 0 V: the DACC is not
 *       modelled), Vsingle (6, 0 V), ground (7). Negative: pad ground (internal
 *       MUXNEG 7) or pads AD0–AD7.</li>
 *   <li>The end of a conversion stores LCV (value, LCPC, LCNC), sets SR.SEOC (SR.LOVR if SEOC was still set),
 *       and hands the value to the PDCA channel of ADCIFE_RX if one serves it. Reading LCV (by the CPU or the
 *       PDCA) clears SEOC; SCR clears the flags. The interrupt line is high while SR &amp; IMR is not 0.</li>
 *   <li>CR.EN, CR.BGREQEN and CR.REFBUFEN set SR.EN, SR.BGREQ and SR.REFBUF at once (the disables clear them).</li>
 * </ul>
 *
 * <p>Not modelled: bipolar conversions (computed as unipolar, warned), external references (0.5 VCC is used,
 * warned), gain compensation, zoom range, the window monitor (stored), calibration.
 */
public final class AdcifeModel {
    public static final int BASE = 0x4003_8000;

    public static final int CR = 0x00;
    public static final int CFG = 0x04;
    public static final int SR = 0x08;
    public static final int SCR = 0x0C;
    public static final int SEQCFG = 0x14;
    public static final int CDMA = 0x18;
    public static final int TIM = 0x1C;
    public static final int ITIMER = 0x20;
    public static final int WCFG = 0x24;
    public static final int WTH = 0x28;
    public static final int LCV = 0x2C;
    public static final int IER = 0x30;
    public static final int IDR = 0x34;
    public static final int IMR = 0x38;
    public static final int CALIB = 0x3C;
    public static final int VERSION = 0x40;
    public static final int PARAMETER = 0x44;

    public static final int CR_SWRST = 1;
    public static final int CR_TSTOP = 1 << 1;
    public static final int CR_TSTART = 1 << 2;
    public static final int CR_STRIG = 1 << 3;
    public static final int CR_REFBUFEN = 1 << 4;
    public static final int CR_REFBUFDIS = 1 << 5;
    public static final int CR_EN = 1 << 8;
    public static final int CR_DIS = 1 << 9;
    public static final int CR_BGREQEN = 1 << 10;
    public static final int CR_BGREQDIS = 1 << 11;

    public static final int SEOC = 1;
    public static final int LOVR = 1 << 1;
    public static final int WM = 1 << 2;
    public static final int SMTRG = 1 << 3;
    public static final int TTO = 1 << 5;
    public static final int SR_EN = 1 << 24;
    public static final int SR_TBUSY = 1 << 25;
    public static final int SR_SBUSY = 1 << 26;
    public static final int SR_CBUSY = 1 << 27;
    public static final int SR_REFBUF = 1 << 28;
    public static final int SR_BGREQ = 1 << 30;
    private static final int FLAGS = SEOC | LOVR | WM | SMTRG | TTO;

    public static final int CFG_REFSEL_SHIFT = 1;
    public static final int CFG_SPEED_SHIFT = 4;
    public static final int CFG_CLKSEL_APB = 1 << 6;
    public static final int CFG_PRESCAL_SHIFT = 8;
    public static final int SEQ_HWLA = 1;
    public static final int SEQ_BIPOLAR = 1 << 2;
    public static final int SEQ_GAIN_SHIFT = 4;
    public static final int SEQ_TRGSEL_SHIFT = 8;
    public static final int SEQ_RES_8BIT = 1 << 12;
    public static final int SEQ_INTERNAL_SHIFT = 14;
    public static final int SEQ_MUXPOS_SHIFT = 16;
    public static final int SEQ_MUXNEG_SHIFT = 20;
    public static final int TIM_ENSTUP = 1 << 8;

    public static final int TRGSEL_SOFTWARE = 0;
    public static final int TRGSEL_TIMER = 1;
    public static final int TRGSEL_CONTINUOUS = 3;

    /** CLK_ADC cycles of one conversion (Tock's driver counts 7 + 1). */
    public static final int CONVERSION_CYCLES = 8;
    public static final int VCC_MV = 3300;
    public static final int BANDGAP_MV = 1000;
    public static final int PADS = 15;

    private final ClockTree tree;
    private final PeripheralClock gate;
    private final PdcaModel pdca;
    private final InterruptLine irq;
    private final List<SensorValue> pads;
    private final RegisterBank bank;
    private final Register cfg;
    private final Register seqcfg;
    private final Register tim;
    private final Register itimer;
    private final Register imr;
    private final ClockedTimer conversion;
    private final ClockedTimer internalTimer;
    private boolean enabled;
    private boolean bandgap;
    private boolean refbuf;
    private boolean started;
    private boolean timerRunning;
    private boolean continuous;
    private int lcv;
    private int flags;

    public AdcifeModel(VirtualClock clock, ClockTree tree, PeripheralClock gate, PdcaModel pdca, InterruptLine irq,
            List<SensorValue> pads) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.pdca = Objects.requireNonNull(pdca, "pdca");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.pads = List.copyOf(pads);
        if (this.pads.size() != PADS) {
            throw new IllegalArgumentException("the ADCIFE has " + PADS + " pads, not " + pads.size());
        }
        this.conversion = new ClockedTimer(clock, gate);
        this.internalTimer = new ClockedTimer(clock, gate);
        bank = new RegisterBank("ADCIFE", BASE, 0, 0x4000);
        bank.writeOnly("CR", CR, this::control);
        cfg = bank.storage("CFG", CFG, 0, 0x07FE, null);
        bank.readOnly("SR", SR, this::sr);
        bank.writeOnly("SCR", SCR, v -> { flags &= ~(v & FLAGS); updateInterrupt(); });
        seqcfg = bank.storage("SEQCFG", SEQCFG, 0, 0x777F_F7F5, null);
        bank.writeOnly("CDMA", CDMA, v -> bank.warn("CDMA (DMA-driven sequencer configuration) is not modelled"));
        tim = bank.storage("TIM", TIM, 0, 0x11F, null);
        itimer = bank.storage("ITIMER", ITIMER, 0, 0xFFFF, null);
        bank.unmodelled("WCFG", WCFG, 0);
        bank.unmodelled("WTH", WTH, 0);
        bank.readOnly("LCV", LCV, this::readLcv);
        imr = bank.internal("IMR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & FLAGS); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.unmodelled("CALIB", CALIB, 0);
        bank.constant("VERSION", VERSION, 0x100);
        bank.constant("PARAMETER", PARAMETER, 0);
        gate.addListener(running -> updateInterrupt());
    }

    public RegisterBank registers() {
        return bank;
    }

    private int sr() {
        int v = flags;
        if (enabled) {
            v |= SR_EN;
        }
        if (refbuf) {
            v |= SR_REFBUF;
        }
        if (bandgap) {
            v |= SR_BGREQ;
        }
        if (conversion.isPending()) {
            v |= SR_CBUSY | SR_SBUSY;
        }
        if (timerRunning) {
            v |= SR_TBUSY;
        }
        return v;
    }

    private void control(int v) {
        if ((v & CR_SWRST) != 0) {
            conversion.cancel();
            internalTimer.cancel();
            timerRunning = false;
            continuous = false;
            flags = 0;
        }
        if ((v & CR_TSTOP) != 0) {
            internalTimer.cancel();
            timerRunning = false;
            continuous = false;
        }
        if ((v & CR_DIS) != 0) {
            enabled = false;
            conversion.cancel();
            internalTimer.cancel();
            timerRunning = false;
            continuous = false;
        } else if ((v & CR_EN) != 0 && !enabled) {
            enabled = true;
            started = false;
        }
        if ((v & CR_BGREQDIS) != 0) {
            bandgap = false;
        } else if ((v & CR_BGREQEN) != 0) {
            bandgap = true;
        }
        if ((v & CR_REFBUFDIS) != 0) {
            refbuf = false;
        } else if ((v & CR_REFBUFEN) != 0) {
            refbuf = true;
        }
        if ((v & CR_TSTART) != 0) {
            startTimerOrContinuous();
        }
        if ((v & CR_STRIG) != 0) {
            trigger();
        }
        updateInterrupt();
    }

    private int trgsel() {
        return (seqcfg.value() >>> SEQ_TRGSEL_SHIFT) & 0b111;
    }

    /** CLK_ADC as a tick converter, or null when it does not run. */
    private TickConverter adcClock() {
        long source = (cfg.value() & CFG_CLKSEL_APB) != 0 ? gate.frequencyHz() : tree.gclkHz(10);
        if (!gate.running() || source == 0) {
            bank.warn("CLK_ADC does not run (" + ((cfg.value() & CFG_CLKSEL_APB) != 0 ? "PBA clock" : "GCLK10")
                    + " stopped): no conversion");
            return null;
        }
        int prescal = (cfg.value() >>> CFG_PRESCAL_SHIFT) & 0b111;
        return new TickConverter(source, 1_000_000_000L << (prescal + 2));
    }

    private void startTimerOrContinuous() {
        if (!enabled) {
            bank.warn("TSTART while the ADCIFE is disabled; ignored");
            return;
        }
        switch (trgsel()) {
            case TRGSEL_TIMER -> {
                timerRunning = true;
                scheduleTimer();
            }
            case TRGSEL_CONTINUOUS -> {
                continuous = true;
                trigger();
            }
            default -> {
                timerRunning = true;
                scheduleTimer();
            }
        }
    }

    private void scheduleTimer() {
        TickConverter adc = adcClock();
        if (adc == null) {
            return;
        }
        long cycles = (itimer.value() & 0xFFFF) + 1L;
        internalTimer.start(adc.timeOfTick(cycles), () -> {
            flags |= TTO;
            if (trgsel() == TRGSEL_TIMER) {
                trigger();
            }
            updateInterrupt();
            if (timerRunning) {
                scheduleTimer();
            }
        });
    }

    private void trigger() {
        if (!enabled) {
            bank.warn("conversion triggered while the ADCIFE is disabled; ignored");
            return;
        }
        if (conversion.isPending()) {
            flags |= SMTRG;
            updateInterrupt();
            return;
        }
        TickConverter adc = adcClock();
        if (adc == null) {
            return;
        }
        long cycles = CONVERSION_CYCLES;
        if (!started && (tim.value() & TIM_ENSTUP) != 0) {
            cycles += (tim.value() & 0x1F) + 1;
        }
        started = true;
        int seq = seqcfg.value();
        conversion.start(adc.timeOfTick(cycles), () -> conversionDone(seq));
    }

    private void conversionDone(int seq) {
        int value = convert(seq);
        int muxpos = (seq >>> SEQ_MUXPOS_SHIFT) & 0xF;
        int muxneg = (seq >>> SEQ_MUXNEG_SHIFT) & 0x7;
        if ((flags & SEOC) != 0) {
            flags |= LOVR;
        }
        lcv = (value & 0xFFFF) | muxpos << 16 | muxneg << 20;
        flags |= SEOC;
        if (pdca.receive(PdcaModel.PID_ADCIFE_RX, lcv & 0xFFFF)) {
            flags &= ~SEOC;
        }
        updateInterrupt();
        if (continuous && trgsel() == TRGSEL_CONTINUOUS) {
            trigger();
        }
    }

    private int readLcv() {
        flags &= ~SEOC;
        updateInterrupt();
        return lcv;
    }

    /** The conversion result of {@code seq}'s input, as the ADC cell produces it. */
    private int convert(int seq) {
        int internal = (seq >>> SEQ_INTERNAL_SHIFT) & 0b11;
        int muxpos = (seq >>> SEQ_MUXPOS_SHIFT) & 0xF;
        int muxneg = (seq >>> SEQ_MUXNEG_SHIFT) & 0x7;
        long positiveUv = (internal & 1) != 0 ? internalUv(muxpos) : padUv(muxpos);
        long negativeUv = (internal & 2) != 0 ? (muxneg == 7 ? 0 : internalUv(muxneg)) : padUv(muxneg);
        if ((seq & SEQ_BIPOLAR) != 0) {
            bank.warn("bipolar conversions are not modelled; converted as unipolar");
        }
        int gainCode = (seq >>> SEQ_GAIN_SHIFT) & 0b111;
        long gainNum = gainCode == 7 ? 1 : 1L << gainCode;
        long gainDen = gainCode == 7 ? 2 : 1;
        long refUv = switch ((cfg.value() >>> CFG_REFSEL_SHIFT) & 0b111) {
            case 0 -> 1_000_000L;
            case 1 -> VCC_MV * 625L;
            case 4 -> VCC_MV * 500L;
            default -> {
                bank.warn("CFG.REFSEL selects an external reference, which is not modelled; using 0.5 VCC");
                yield VCC_MV * 500L;
            }
        };
        int bits = (seq & SEQ_RES_8BIT) != 0 ? 8 : 12;
        long full = (1L << bits) - 1;
        long diff = Math.max(0, positiveUv - negativeUv);
        long code = Math.min(full, diff * gainNum * full / (gainDen * refUv));
        return (int) ((seq & SEQ_HWLA) != 0 ? code << (16 - bits) : code);
    }

    private long padUv(int n) {
        if (n < PADS) {
            return Math.round(pads.get(n).value() * 1000);
        }
        return BANDGAP_MV * 1000L;
    }

    private long internalUv(int n) {
        return switch (n) {
            case 2 -> VCC_MV * 100L; // scaled VCC: VCC / 10
            case 3, 6, 7 -> 0;       // DAC (not modelled), Vsingle, reference ground
            default -> {
                bank.warn("internal ADC input " + n + " is not modelled; reads 0 V");
                yield 0;
            }
        };
    }

    private void updateInterrupt() {
        irq.setLevel(gate.running() && (flags & imr.value()) != 0);
    }
}
