package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.sam4l.hardware.ClockTree.Bus;

/**
 * AST, the SAM4L Asynchronous Timer (datasheet chapter 19), as silicon in counter mode: a 32-bit counter
 * (CV) driven by a prescaler from its own clock, two alarms, two periodic events and an overflow.
 *
 * <ul>
 *   <li>CLK_AST is the source CLOCK.CSSEL selects while CLOCK.CEN is set: RCSYS (0), CLK_32 (1, the BPM's
 *       32 kHz clock), the PBD clock (2), GCLK2 (3) or CLK_1K (4). With CR.EN set the prescaler divides it by
 *       {@code 2^(PSEL + 1)} and CV counts the prescaled ticks, derived exactly from the virtual clock; CR.PCLR
 *       restarts the prescaler.</li>
 *   <li>SR.ALARMn is set on the tick CV becomes ARn (an ARn equal to CV matches after a full wrap); SR.OVF when
 *       CV wraps from 0xFFFFFFFF to 0; SR.PERn every {@code 2^(INSEL + 1)} CLK_AST cycles of the prescaler (the
 *       period PIRn selects). SCR clears them.</li>
 *   <li>Interrupt lines: ASTALARM (ALARM0|ALARM1), ASTPER (PER0|PER1), ASTOVF, ASTREADY, ASTCLKREADY, each
 *       high while its SR flags are set and enabled in IMR.</li>
 *   <li>Its PBD clock only gates the register interface: the counter keeps counting on CLK_AST.</li>
 * </ul>
 *
 * <p>Simplifications: writes cross into the AST clock domain at once, so SR.BUSY and SR.CLKBUSY are always 0
 * (READY and CLKRDY are set after each such write); calendar mode (CR.CAL), clear-on-alarm (CR.CA0/CA1), the
 * digital tuner and the event system are stored, not modelled.
 */
public final class AstModel {
    public static final int BASE = 0x400F_0800;

    public static final int CR = 0x00;
    public static final int CV = 0x04;
    public static final int SR = 0x08;
    public static final int SCR = 0x0C;
    public static final int IER = 0x10;
    public static final int IDR = 0x14;
    public static final int IMR = 0x18;
    public static final int WER = 0x1C;
    public static final int AR0 = 0x20;
    public static final int AR1 = 0x24;
    public static final int PIR0 = 0x30;
    public static final int PIR1 = 0x34;
    public static final int CLOCK = 0x40;
    public static final int DTR = 0x44;
    public static final int EVE = 0x48;
    public static final int EVD = 0x4C;
    public static final int EVM = 0x50;
    public static final int CALV = 0x54;
    public static final int PARAMETER = 0xF0;
    public static final int VERSION = 0xFC;

    public static final int CR_EN = 1;
    public static final int CR_PCLR = 1 << 1;
    public static final int CR_CAL = 1 << 2;
    public static final int CR_CA0 = 1 << 8;
    public static final int CR_CA1 = 1 << 9;
    public static final int CR_PSEL_SHIFT = 16;
    public static final int CR_PSEL_MASK = 0x1F << CR_PSEL_SHIFT;

    public static final int OVF = 1;
    public static final int ALARM0 = 1 << 8;
    public static final int ALARM1 = 1 << 9;
    public static final int PER0 = 1 << 16;
    public static final int PER1 = 1 << 17;
    public static final int BUSY = 1 << 24;
    public static final int READY = 1 << 25;
    public static final int CLKBUSY = 1 << 28;
    public static final int CLKRDY = 1 << 29;
    private static final int FLAGS = OVF | ALARM0 | ALARM1 | PER0 | PER1 | READY | CLKRDY;

    public static final int CLOCK_CEN = 1;
    public static final int CLOCK_CSSEL_SHIFT = 8;
    public static final int CSSEL_RCSYS = 0;
    public static final int CSSEL_CLK32 = 1;
    public static final int CSSEL_APB = 2;
    public static final int CSSEL_GCLK = 3;
    public static final int CSSEL_CLK1K = 4;

    private static final long COUNTER_RANGE = 1L << 32;

    private final VirtualClock clock;
    private final ClockTree tree;
    private final InterruptLine alarmIrq;
    private final InterruptLine perIrq;
    private final InterruptLine ovfIrq;
    private final InterruptLine readyIrq;
    private final InterruptLine clkReadyIrq;
    private final RegisterBank bank;
    private final Register cr;
    private final Register[] ar = new Register[2];
    private final Register[] pir = new Register[2];
    private final Register clockReg;
    private final Register imr;
    private final Register sr;
    private final ScheduledEvent[] alarmEvents = new ScheduledEvent[2];
    private final ScheduledEvent[] periodicEvents = new ScheduledEvent[2];
    private ScheduledEvent overflowEvent;

    // The counter: value = baseValue + (ticksAt(now) - baseTick) while running.
    private boolean running;
    private long sourceHz;
    private int psel;
    private long prescalerStartNs;
    private TickConverter ticks;
    private long baseTick;
    private long baseValue;

    public AstModel(VirtualClock clock, ClockTree tree, InterruptLine alarmIrq, InterruptLine perIrq,
            InterruptLine ovfIrq, InterruptLine readyIrq, InterruptLine clkReadyIrq) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.alarmIrq = alarmIrq;
        this.perIrq = perIrq;
        this.ovfIrq = ovfIrq;
        this.readyIrq = readyIrq;
        this.clkReadyIrq = clkReadyIrq;
        bank = new RegisterBank("AST", BASE, 0, 0x400);
        Register[] self = new Register[1];
        self[0] = bank.custom("CR", CR, 0, () -> self[0].value(), this::writeCr);
        cr = self[0];
        bank.custom("CV", CV, 0, () -> (int) counter(), this::writeCv);
        sr = bank.internal("SR flags", 0);
        bank.readOnly("SR", SR, sr::value);
        bank.writeOnly("SCR", SCR, this::clearStatus);
        imr = bank.internal("IMR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & FLAGS); updateInterrupts(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupts(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.storage("WER", WER, 0, OVF | ALARM0 | ALARM1 | PER0 | PER1, null);
        for (int n = 0; n < 2; n++) {
            int i = n;
            ar[n] = bank.storage("AR" + n, AR0 + 4 * n, 0, () -> { writeSynchronized(); scheduleAlarm(i); });
            pir[n] = bank.storage("PIR" + n, PIR0 + 4 * n, 0, 0x1F, () -> {
                writeSynchronized();
                schedulePeriodic(i);
            });
        }
        clockReg = bank.storage("CLOCK", CLOCK, 0, CLOCK_CEN | 0x7 << CLOCK_CSSEL_SHIFT, this::clockWritten);
        bank.unmodelled("DTR", DTR, 0);
        bank.unmodelled("EVE", EVE, 0);
        bank.unmodelled("EVD", EVD, 0);
        bank.unmodelled("EVM", EVM, 0);
        bank.unmodelled("CALV", CALV, 0);
        bank.constant("PARAMETER", PARAMETER, 0x0002_2603);
        bank.constant("VERSION", VERSION, 0x311);
        tree.addListener(this::sourceMaybeChanged);
    }

    public RegisterBank registers() {
        return bank;
    }

    // ---- the counter ----

    private long ticksAt(long ns) {
        return ticks.ticksIn(ns - prescalerStartNs);
    }

    /** CV now. */
    public long counter() {
        if (!running) {
            return baseValue;
        }
        return (baseValue + ticksAt(clock.now()) - baseTick) & (COUNTER_RANGE - 1);
    }

    /** The frequency of CLK_AST now (0 when stopped or its source does not run). */
    public long sourceHz() {
        if ((clockReg.value() & CLOCK_CEN) == 0) {
            return 0;
        }
        return switch ((clockReg.value() >>> CLOCK_CSSEL_SHIFT) & 0x7) {
            case CSSEL_RCSYS -> ClockTree.RCSYS_HZ;
            case CSSEL_CLK32 -> tree.clk32Hz();
            case CSSEL_APB -> tree.gateOpen(Bus.PBD, PmModel.PBD_AST) ? tree.busHz(Bus.PBD) : 0;
            case CSSEL_GCLK -> tree.gclkHz(2);
            case CSSEL_CLK1K -> tree.clk1kHz();
            default -> 0;
        };
    }

    /** The counter's tick rate now, in ticks per second (0 when not counting). */
    public double tickHz() {
        return running ? (double) sourceHz / (2L << psel) : 0;
    }

    /** Re-evaluates whether and how fast the counter runs; keeps the prescaler phase when nothing changed. */
    private void reevaluate(boolean restartPrescaler) {
        long value = counter();
        long hz = sourceHz();
        int newPsel = (cr.value() & CR_PSEL_MASK) >>> CR_PSEL_SHIFT;
        boolean nowRunning = (cr.value() & CR_EN) != 0 && hz > 0;
        boolean same = nowRunning == running && hz == sourceHz && newPsel == psel;
        if (same && !restartPrescaler) {
            return;
        }
        running = nowRunning;
        sourceHz = hz;
        psel = newPsel;
        baseValue = value;
        if (running) {
            prescalerStartNs = clock.now();
            ticks = new TickConverter(sourceHz, 1_000_000_000L << (psel + 1));
            baseTick = 0;
        }
        rescheduleAll();
    }

    private void writeCr(int v) {
        cr.set(v & (CR_EN | CR_CAL | CR_CA0 | CR_CA1 | CR_PSEL_MASK));
        if ((v & (CR_CAL | CR_CA0 | CR_CA1)) != 0) {
            bank.warn("CR.CAL, CA0 and CA1 are stored, not modelled: the counter runs in counter mode and never "
                    + "clears on an alarm");
        }
        writeSynchronized();
        reevaluate((v & CR_PCLR) != 0);
    }

    private void writeCv(int v) {
        writeSynchronized();
        baseValue = Integer.toUnsignedLong(v);
        baseTick = running ? ticksAt(clock.now()) : 0;
        rescheduleAll();
    }

    private void clearStatus(int v) {
        sr.clearBits(v & FLAGS);
        updateInterrupts();
        if ((v & PER0) != 0 && periodicEvents[0] == null) {
            schedulePeriodic(0);
        }
        if ((v & PER1) != 0 && periodicEvents[1] == null) {
            schedulePeriodic(1);
        }
    }

    private void clockWritten() {
        sr.setBits(CLKRDY);
        updateInterrupts();
        reevaluate(false);
    }

    private void sourceMaybeChanged() {
        reevaluate(false);
    }

    /** A write crossed into the AST clock domain: BUSY falls at once and READY is raised. */
    private void writeSynchronized() {
        sr.setBits(READY);
        updateInterrupts();
    }

    // ---- events ----

    private void rescheduleAll() {
        scheduleAlarm(0);
        scheduleAlarm(1);
        schedulePeriodic(0);
        schedulePeriodic(1);
        scheduleOverflow();
    }

    /** The time of the tick {@code delta} ticks after the current one. */
    private long timeOfTicksFromNow(long delta) {
        long tickNow = ticksAt(clock.now());
        return prescalerStartNs + ticks.timeOfTick(tickNow + delta);
    }

    private void scheduleAlarm(int n) {
        cancel(alarmEvents[n]);
        alarmEvents[n] = null;
        if (!running) {
            return;
        }
        long delta = (Integer.toUnsignedLong(ar[n].value()) - counter()) & (COUNTER_RANGE - 1);
        if (delta == 0) {
            delta = COUNTER_RANGE;
        }
        alarmEvents[n] = clock.schedule(timeOfTicksFromNow(delta), () -> {
            sr.setBits(n == 0 ? ALARM0 : ALARM1);
            updateInterrupts();
            scheduleAlarm(n);
        });
    }

    private void scheduleOverflow() {
        cancel(overflowEvent);
        overflowEvent = null;
        if (!running) {
            return;
        }
        long delta = COUNTER_RANGE - counter();
        overflowEvent = clock.schedule(timeOfTicksFromNow(delta), () -> {
            sr.setBits(OVF);
            updateInterrupts();
            scheduleOverflow();
        });
    }

    /**
     * Schedules the next PERn event. While PERn is already set another event changes nothing, so none is
     * scheduled until SCR clears the flag (this keeps a fast, unused periodic source from flooding the clock).
     */
    private void schedulePeriodic(int n) {
        cancel(periodicEvents[n]);
        periodicEvents[n] = null;
        int flag = n == 0 ? PER0 : PER1;
        if (!running || sr.isSet(flag)) {
            return;
        }
        int insel = pir[n].value() & 0x1F;
        TickConverter period = new TickConverter(sourceHz, 1_000_000_000L << (insel + 1));
        long next = period.ticksIn(clock.now() - prescalerStartNs) + 1;
        periodicEvents[n] = clock.schedule(prescalerStartNs + period.timeOfTick(next), () -> {
            periodicEvents[n] = null;
            sr.setBits(flag);
            updateInterrupts();
        });
    }

    private static void cancel(ScheduledEvent e) {
        if (e != null) {
            e.cancel();
        }
    }

    private void updateInterrupts() {
        int active = sr.value() & imr.value();
        alarmIrq.setLevel((active & (ALARM0 | ALARM1)) != 0);
        perIrq.setLevel((active & (PER0 | PER1)) != 0);
        ovfIrq.setLevel((active & OVF) != 0);
        readyIrq.setLevel((active & READY) != 0);
        clkReadyIrq.setLevel((active & CLKRDY) != 0);
    }
}
