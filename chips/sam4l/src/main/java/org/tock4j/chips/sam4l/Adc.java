package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.AdcifeModel.*;

import java.util.Objects;
import java.util.OptionalInt;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.adc.Client;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The ADC HIL on the SAM4L ADCIFE, as Tock's driver does it: every sample is 12 bits, single-ended against
 * the pad ground, with a VCC/2 reference and a gain of 0.5 (so 0–3.3 V spans the range), left-justified in
 * 16 bits. The ADC is clocked as slowly as the requested rate allows: RC32K through GCLK10 for single
 * samples and slow continuous sampling, RCSYS for up to 3550 Hz, the CPU clock above.
 *
 * <pre>{@code
 * Adc adc = chip.adc();
 * adc.setClient(sample -> ...);         // sample: (mV / 3300 × 4095) << 4
 * chip.analogInput(1).set(1650);       // mV
 * adc.sample(1);                        // pad AD1
 * }</pre>
 *
 * <p>Channels are Tock's {@code sam4l::adc::Channel} codes: 0–14 the pads AD0–AD14, {@link #BANDGAP},
 * {@link #SCALED_VCC}, {@link #DAC}, {@link #VSINGLE}, {@link #REFERENCE_GROUND}; anything else is
 * {@code INVAL}.
 *
 * <p>Tock counterpart: {@code sam4l::adc::Adc} (its {@code hil::adc::Adc} implementation; the high-speed,
 * DMA-driven {@code AdcHighSpeed} has no HIL in tock4j yet).
 */
public final class Adc implements org.tock4j.kernel.hil.adc.Adc {
    public static final int BANDGAP = 0x0F;
    public static final int SCALED_VCC = 0x12;
    public static final int DAC = 0x13;
    public static final int VSINGLE = 0x16;
    public static final int REFERENCE_GROUND = 0x17;

    private final MmioRegisters registers;
    private final PowerManager pm;
    private final Scif scif;
    private boolean enabled;
    private int adcClkFreq;
    private boolean active;
    private boolean continuous;
    private boolean cpuClock;
    private int timerRepeats;
    private int timerCounts;
    private Client client;

    Adc(PhysicalMemory bus, PowerManager pm, Scif scif) {
        this.registers = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.pm = Objects.requireNonNull(pm, "pm");
        this.scif = Objects.requireNonNull(scif, "scif");
    }

    /** The ADCIFE interrupt: a sample is ready (reported now, or counted towards a slow rate). */
    public void handleInterrupt() {
        boolean status = registers.isSet(SR, SEOC);
        if (enabled && active) {
            if (status) {
                if (timerCounts >= timerRepeats) {
                    int value = registers.read(LCV) & 0xFFFF;
                    if (client != null) {
                        client.sampleReady(value);
                    }
                    if (continuous) {
                        timerCounts = 0;
                    } else {
                        active = false;
                        registers.write(IDR, SEOC);
                    }
                } else {
                    timerCounts++;
                }
                registers.write(SCR, SEOC);
            }
        } else {
            registers.write(IDR, TTO | SMTRG | WM | LOVR | SEOC);
            clearStatus();
        }
    }

    private void clearStatus() {
        registers.write(SCR, TTO | SMTRG | WM | LOVR | SEOC);
    }

    /** The smallest power of two at least {@code n} (Tock's {@code math::closest_power_of_two}). */
    private static int closestPowerOfTwo(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private static int logBaseTwo(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    /** Configures the slowest clock that can sample at {@code frequency} and enables the ADC. */
    private Result<Void, ErrorCode> configAndEnable(int frequency) {
        if (active) {
            return Result.err(ErrorCode.BUSY);
        }
        if (frequency == adcClkFreq) {
            return Result.ok();
        }
        registers.write(CR, CR_DIS);
        int timeout = 10_000;
        while (registers.isSet(SR, SR_EN)) {
            if (--timeout == 0) {
                return Result.err(ErrorCode.FAIL);
            }
        }
        enabled = true;
        int cfg = 0 << CFG_SPEED_SHIFT | 4 << CFG_REFSEL_SHIFT; // 300 ksps, VCC × 0.5
        pm.enableClock(Clock.Pba.ADCIFE);
        if (frequency <= 113_600 / 32) {
            // An RC oscillator: 32 cycles (prescaler 4 × 7 + 1 conversion cycles) per sample at the most.
            cpuClock = false;
            int maxFreq;
            if (frequency <= 32_000 / 32) {
                scif.genericClockEnable(Scif.GenericClock.GCLK10, Scif.ClockSource.RC32K);
                maxFreq = 32_000 / 32;
            } else {
                scif.genericClockEnable(Scif.GenericClock.GCLK10, Scif.ClockSource.RCSYS);
                maxFreq = 113_600 / 32;
            }
            int divisor = (frequency + maxFreq - 1) / frequency;
            int clockDivisor = Math.min(logBaseTwo(closestPowerOfTwo(divisor)), 7);
            adcClkFreq = maxFreq / (1 << clockDivisor);
            cfg |= clockDivisor << CFG_PRESCAL_SHIFT;
        } else {
            // The CPU clock, divided to at most 1.5 MHz.
            cpuClock = true;
            scif.genericClockEnable(Scif.GenericClock.GCLK10, Scif.ClockSource.CLK_CPU);
            int cpuFrequency = pm.getSystemFrequency();
            int divisor = Math.ceilDiv(cpuFrequency, 1_500_000);
            int clockDivisor = Math.min(Math.max(0, logBaseTwo(closestPowerOfTwo(divisor)) - 2), 7);
            adcClkFreq = cpuFrequency / (1 << (clockDivisor + 2));
            cfg |= clockDivisor << CFG_PRESCAL_SHIFT;
        }
        if (cpuClock) {
            cfg |= CFG_CLKSEL_APB;
        }
        registers.write(CFG, cfg);
        registers.write(TIM, TIM_ENSTUP | 0x17); // start-up: 24 cycles
        registers.write(CR, CR_SWRST);
        registers.write(CR, CR_EN);
        timeout = 10_000;
        while (!registers.isSet(SR, SR_EN)) {
            if (--timeout == 0) {
                return Result.err(ErrorCode.FAIL);
            }
        }
        registers.write(CR, CR_BGREQEN | CR_REFBUFEN);
        timeout = 100_000;
        int ready = SR_BGREQ | SR_REFBUF | SR_EN;
        while ((registers.read(SR) & ready) != ready) {
            if (--timeout == 0) {
                return Result.err(ErrorCode.FAIL);
            }
        }
        return Result.ok();
    }

    private void disable() {
        registers.write(CR, CR_DIS);
        int timeout = 10_000;
        while (registers.isSet(SR, SR_EN)) {
            if (--timeout == 0) {
                return;
            }
        }
        registers.write(CR, CR_BGREQDIS | CR_REFBUFDIS);
        enabled = false;
        scif.genericClockDisable(Scif.GenericClock.GCLK10);
        pm.disableClock(Clock.Pba.ADCIFE);
    }

    private static boolean validChannel(int channel) {
        return (channel >= 0 && channel <= 0x0E) || channel == BANDGAP || channel == SCALED_VCC || channel == DAC
                || channel == VSINGLE || channel == REFERENCE_GROUND;
    }

    /** SEQCFG for one channel: 12 bits, gain 0.5, unipolar, left-justified, negative input the pad ground. */
    private static int sequencerConfig(int channel, int trgsel) {
        int chanNum = channel & 0x0F;
        int internal = (channel >> 4) & 0x01;
        return 0x7 << SEQ_MUXNEG_SHIFT | chanNum << SEQ_MUXPOS_SHIFT | (0x2 | internal) << SEQ_INTERNAL_SHIFT
                | trgsel << SEQ_TRGSEL_SHIFT | 7 << SEQ_GAIN_SHIFT | SEQ_HWLA;
    }

    // ---- Adc ----

    @Override
    public Result<Void, ErrorCode> sample(int channel) {
        if (!validChannel(channel)) {
            return Result.err(ErrorCode.INVAL);
        }
        Result<Void, ErrorCode> res = configAndEnable(1000);
        if (res.isErr()) {
            return res;
        }
        if (!enabled) {
            return Result.err(ErrorCode.OFF);
        }
        if (active) {
            return Result.err(ErrorCode.BUSY);
        }
        active = true;
        continuous = false;
        timerRepeats = 0;
        timerCounts = 0;
        registers.write(SEQCFG, sequencerConfig(channel, TRGSEL_SOFTWARE));
        clearStatus();
        registers.write(IER, SEOC);
        registers.write(CR, CR_STRIG);
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> sampleContinuous(int channel, int frequency) {
        if (!validChannel(channel)) {
            return Result.err(ErrorCode.INVAL);
        }
        if (frequency <= 0 || frequency > 10_000) {
            return Result.err(ErrorCode.INVAL);
        }
        Result<Void, ErrorCode> res = configAndEnable(frequency);
        if (res.isErr()) {
            return res;
        }
        if (!enabled) {
            return Result.err(ErrorCode.OFF);
        }
        if (active) {
            return Result.err(ErrorCode.BUSY);
        }
        active = true;
        continuous = true;
        registers.write(SEQCFG, sequencerConfig(channel, cpuClock ? TRGSEL_TIMER : TRGSEL_CONTINUOUS));
        registers.write(CR, CR_TSTOP);
        if (cpuClock) {
            int timerFrequency;
            if (frequency < 23) {
                // The 16-bit timer cannot count that slowly: count several timer periods per sample.
                int counts = 60 / frequency;
                timerRepeats = counts;
                timerCounts = 0;
                timerFrequency = frequency * counts;
            } else {
                timerRepeats = 0;
                timerCounts = 0;
                timerFrequency = frequency;
            }
            int counter = Math.max(0, Math.min(adcClkFreq / timerFrequency - 1, 0xFFFF));
            registers.write(ITIMER, counter);
        } else {
            timerRepeats = 0;
            timerCounts = 0;
        }
        clearStatus();
        registers.write(IER, SEOC);
        registers.write(CR, CR_TSTART);
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> stopSampling() {
        if (!enabled) {
            return Result.err(ErrorCode.OFF);
        }
        if (!active) {
            return Result.err(ErrorCode.INVAL);
        }
        active = false;
        continuous = false;
        registers.write(CR, CR_TSTOP);
        registers.write(IDR, SEOC);
        registers.write(CR, CR_SWRST);
        disable();
        adcClkFreq = 0;
        return Result.ok();
    }

    @Override
    public int getResolutionBits() {
        return 12;
    }

    @Override
    public OptionalInt getVoltageReferenceMv() {
        return OptionalInt.of(3300);
    }

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }
}
