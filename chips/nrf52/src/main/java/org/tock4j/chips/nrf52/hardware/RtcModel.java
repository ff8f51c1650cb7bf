package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * RTC, the nRF52's real-time counter (product specification 6.22), as silicon: a 24-bit COUNTER at
 * 32768 Hz / (PRESCALER + 1), derived exactly from the virtual clock.
 *
 * <ul>
 *   <li>START, STOP, CLEAR and TRIGOVRFLW (COUNTER := 0xFFFFF0) act at once; PRESCALER is taken only while
 *       the counter is stopped.</li>
 *   <li>COMPARE[n] is raised when COUNTER becomes equal to CC[n] (a CC written equal to the current COUNTER
 *       matches on the next wrap); OVRFLW when COUNTER wraps from 0xFFFFFF to 0.</li>
 *   <li>The interrupt line is high while an event is set whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>Simplifications: an event neither enabled in INTEN nor routed in EVTEN is not generated (only software
 * polling that EVENTS register could tell); TICK is declared but never generated; the START latency and the
 * "may not match when CC is written to N or N+1" caveat are not modelled.
 */
public final class RtcModel {
    public static final int TASKS_START = 0x000;
    public static final int TASKS_STOP = 0x004;
    public static final int TASKS_CLEAR = 0x008;
    public static final int TASKS_TRIGOVRFLW = 0x00C;
    public static final int EVENTS_TICK = 0x100;
    public static final int EVENTS_OVRFLW = 0x104;
    public static final int EVENTS_COMPARE = 0x140;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int EVTEN = 0x340;
    public static final int EVTENSET = 0x344;
    public static final int EVTENCLR = 0x348;
    public static final int COUNTER = 0x504;
    public static final int PRESCALER = 0x508;
    public static final int CC = 0x540;
    public static final int POWER = 0xFFC;

    public static final int INT_TICK = 1;
    public static final int INT_OVRFLW = 1 << 1;
    public static final int INT_COMPARE0 = 1 << 16;
    public static final int COUNTER_MASK = 0x00FF_FFFF;
    public static final long COUNTER_RANGE = 1L << 24;
    public static final int PRESCALER_MASK = 0xFFF;
    public static final int LFCLK_HZ = 32_768;
    public static final int TRIGOVRFLW_VALUE = 0xFF_FFF0;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final int compareCount;
    private final RegisterBank bank;
    private final Register eventsTick;
    private final Register eventsOvrflw;
    private final Register[] eventsCompare;
    private final Register[] cc;
    private final Register inten;
    private final Register evten;
    private final Register prescaler;
    private final ScheduledEvent[] compareEvents;
    private ScheduledEvent overflowEvent;

    private boolean running;
    private long anchorNs;
    private int anchorCount;
    private TickConverter ticks = rate(0);

    public RtcModel(String name, int baseAddress, int compareCount, VirtualClock clock, InterruptLine irq) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.compareCount = compareCount;
        bank = new RegisterBank(name, baseAddress);
        bank.task("TASKS_START", TASKS_START, this::start);
        bank.task("TASKS_STOP", TASKS_STOP, this::stop);
        bank.task("TASKS_CLEAR", TASKS_CLEAR, () -> restartAt(0));
        bank.task("TASKS_TRIGOVRFLW", TASKS_TRIGOVRFLW, () -> restartAt(TRIGOVRFLW_VALUE));
        eventsTick = bank.event("EVENTS_TICK", EVENTS_TICK, this::updateInterrupt);
        eventsOvrflw = bank.event("EVENTS_OVRFLW", EVENTS_OVRFLW, this::updateInterrupt);
        eventsCompare = new Register[compareCount];
        cc = new Register[compareCount];
        compareEvents = new ScheduledEvent[compareCount];
        for (int n = 0; n < compareCount; n++) {
            eventsCompare[n] = bank.event("EVENTS_COMPARE[" + n + "]", EVENTS_COMPARE + 4 * n, this::updateInterrupt);
        }
        int interruptBits = INT_TICK | INT_OVRFLW | (((1 << compareCount) - 1) << 16);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & interruptBits);
            eventsRouted();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::eventsRouted);
        evten = bank.storage("EVTEN", EVTEN, 0, interruptBits, this::eventsRouted);
        bank.writeOneToSet("EVTENSET", EVTENSET, evten, () -> {
            evten.set(evten.value() & interruptBits);
            eventsRouted();
        });
        bank.writeOneToClear("EVTENCLR", EVTENCLR, evten, this::eventsRouted);
        bank.readOnly("COUNTER", COUNTER, this::counter);
        prescaler = bank.custom("PRESCALER", PRESCALER, 0, () -> prescalerValue(), this::writePrescaler);
        for (int n = 0; n < compareCount; n++) {
            int index = n;
            cc[n] = bank.storage("CC[" + n + "]", CC + 4 * n, 0, COUNTER_MASK, () -> scheduleCompare(index));
        }
        bank.unmodelled("POWER", POWER, 1);
    }

    public RegisterBank registers() {
        return bank;
    }

    public boolean isRunning() {
        return running;
    }

    /** The COUNTER register's value now. */
    public int counter() {
        if (!running) {
            return anchorCount;
        }
        return (int) ((anchorCount + ticks.ticksIn(clock.now() - anchorNs)) & COUNTER_MASK);
    }

    /** The counter's clock at the current PRESCALER. */
    public TickConverter tickRate() {
        return ticks;
    }

    private static TickConverter rate(int prescalerValue) {
        return new TickConverter(LFCLK_HZ, 1_000_000_000L * (prescalerValue + 1));
    }

    private int prescalerValue() {
        return prescaler.value();
    }

    private void writePrescaler(int value) {
        int v = value & PRESCALER_MASK;
        if (running) {
            if (v != prescaler.value()) {
                bank.warn("PRESCALER written while the RTC runs; ignored (stop it first)");
            }
            return;
        }
        prescaler.set(v);
        ticks = rate(v);
    }

    private void start() {
        if (running) {
            return;
        }
        running = true;
        anchorNs = clock.now();
        scheduleAll();
    }

    private void stop() {
        if (!running) {
            return;
        }
        anchorCount = counter();
        running = false;
        cancelAll();
    }

    private void restartAt(int value) {
        anchorCount = value;
        anchorNs = clock.now();
        if (running) {
            scheduleAll();
        }
    }

    private int routed() {
        return inten.value() | evten.value();
    }

    private void eventsRouted() {
        if ((routed() & INT_TICK) != 0) {
            bank.warn("the TICK event is not modelled");
        }
        if (running) {
            scheduleAll();
        }
        updateInterrupt();
    }

    private void scheduleAll() {
        for (int n = 0; n < compareCount; n++) {
            scheduleCompare(n);
        }
        scheduleOverflow();
    }

    private void cancelAll() {
        for (int n = 0; n < compareCount; n++) {
            cancel(compareEvents[n]);
            compareEvents[n] = null;
        }
        cancel(overflowEvent);
        overflowEvent = null;
    }

    /** When COUNTER next becomes {@code value}: never "now", at most one full wrap away. */
    private long nextTimeCounterIs(int value) {
        long elapsed = ticks.ticksIn(clock.now() - anchorNs);
        long current = (anchorCount + elapsed) & COUNTER_MASK;
        long delta = (value - current) & COUNTER_MASK;
        if (delta == 0) {
            delta = COUNTER_RANGE;
        }
        return anchorNs + ticks.timeOfTick(elapsed + delta);
    }

    private void scheduleCompare(int n) {
        cancel(compareEvents[n]);
        compareEvents[n] = null;
        if (!running || (routed() & (INT_COMPARE0 << n)) == 0) {
            return;
        }
        compareEvents[n] = clock.schedule(nextTimeCounterIs(cc[n].value()), () -> {
            eventsCompare[n].set(1);
            scheduleCompare(n);
            updateInterrupt();
        });
    }

    private void scheduleOverflow() {
        cancel(overflowEvent);
        overflowEvent = null;
        if (!running || (routed() & INT_OVRFLW) == 0) {
            return;
        }
        overflowEvent = clock.schedule(nextTimeCounterIs(0), () -> {
            eventsOvrflw.set(1);
            scheduleOverflow();
            updateInterrupt();
        });
    }

    private void updateInterrupt() {
        int events = (eventsTick.isSet() ? INT_TICK : 0) | (eventsOvrflw.isSet() ? INT_OVRFLW : 0);
        for (int n = 0; n < compareCount; n++) {
            if (eventsCompare[n].isSet()) {
                events |= INT_COMPARE0 << n;
            }
        }
        irq.setLevel((events & inten.value()) != 0);
    }

    private static void cancel(ScheduledEvent event) {
        if (event != null) {
            event.cancel();
        }
    }

    /** Back to the reset state: stopped at 0, prescaler 0. */
    public void reset() {
        cancelAll();
        bank.reset();
        running = false;
        anchorCount = 0;
        ticks = rate(0);
        updateInterrupt();
    }
}
