package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * TIMER, the nRF52's timer/counter (product specification 6.30), as silicon.
 *
 * <ul>
 *   <li>Timer mode (MODE 0): the counter ticks at f<sub>TIMER</sub> = 16 MHz / 2<sup>PRESCALER</sup>
 *       (PRESCALER 0..9, reset 4: 1 MHz), derived exactly from the virtual clock, between START and STOP.
 *       Counter and low-power counter modes (MODE 1, 2): COUNT adds one.</li>
 *   <li>BITMODE (16, 8, 24 or 32 bits) sets where the counter wraps; CC[n] is compared within that width.
 *       PRESCALER, BITMODE and MODE must only change while the timer is stopped: a different value written
 *       while it runs is ignored with a warning.</li>
 *   <li>COMPARE[n] is raised when the counter becomes equal to CC[n] (a CC written equal to the current value
 *       matches after a full wrap). SHORTS COMPAREn_CLEAR clears the counter at that instant (a period of
 *       CC[n] ticks); COMPAREn_STOP stops it.</li>
 *   <li>CAPTURE[n] copies the counter into CC[n]; CLEAR sets it to 0; SHUTDOWN (deprecated) stops it.</li>
 *   <li>TIMER0–2 have four CC registers, TIMER3 and TIMER4 six. The interrupt line is high while a COMPARE
 *       event is set whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>Simplification: as PPI is not modelled, a COMPARE event is generated only while its interrupt is
 * enabled or a shortcut uses it (only software polling that EVENTS register could tell the difference).
 */
public final class TimerModel {
    public static final int TASKS_START = 0x000;
    public static final int TASKS_STOP = 0x004;
    public static final int TASKS_COUNT = 0x008;
    public static final int TASKS_CLEAR = 0x00C;
    public static final int TASKS_SHUTDOWN = 0x010;
    public static final int TASKS_CAPTURE = 0x040;
    public static final int EVENTS_COMPARE = 0x140;
    public static final int SHORTS = 0x200;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int MODE = 0x504;
    public static final int BITMODE = 0x508;
    public static final int PRESCALER = 0x510;
    public static final int CC = 0x540;

    public static final int MODE_TIMER = 0;
    public static final int MODE_COUNTER = 1;
    public static final int MODE_LOW_POWER_COUNTER = 2;
    public static final int BITMODE_16 = 0;
    public static final int BITMODE_08 = 1;
    public static final int BITMODE_24 = 2;
    public static final int BITMODE_32 = 3;
    /** SHORTS bit n: COMPAREn_CLEAR; bit 8 + n: COMPAREn_STOP. */
    public static final int SHORTS_COMPARE0_CLEAR = 1;
    public static final int SHORTS_COMPARE0_STOP = 1 << 8;
    /** INTEN bit 16 + n: COMPARE[n]. */
    public static final int INT_COMPARE0 = 1 << 16;
    public static final int PRESCALER_RESET = 4;
    public static final int PRESCALER_MAX = 9;
    public static final long BASE_CLOCK_HZ = 16_000_000;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final int ccCount;
    private final RegisterBank bank;
    private final Register[] eventsCompare;
    private final Register[] cc;
    private final Register shorts;
    private final Register inten;
    private final Register mode;
    private final Register bitmode;
    private final Register prescaler;
    private final ScheduledEvent[] compareEvents;

    private boolean running;
    private long anchorNs;
    private long anchorCount;
    private TickConverter ticks = rate(PRESCALER_RESET);

    /**
     * @param name {@code TIMER0} … {@code TIMER4}
     * @param ccCount 4 for TIMER0–2, 6 for TIMER3 and TIMER4
     */
    public TimerModel(String name, int baseAddress, int ccCount, VirtualClock clock, InterruptLine irq) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.irq = Objects.requireNonNull(irq, "irq");
        if (ccCount < 1 || ccCount > 6) {
            throw new IllegalArgumentException(name + ": a TIMER has 1..6 CC registers, not " + ccCount);
        }
        this.ccCount = ccCount;
        bank = new RegisterBank(name, baseAddress);
        bank.task("TASKS_START", TASKS_START, this::start);
        bank.task("TASKS_STOP", TASKS_STOP, this::stop);
        bank.task("TASKS_COUNT", TASKS_COUNT, this::count);
        bank.task("TASKS_CLEAR", TASKS_CLEAR, () -> restartAt(0));
        bank.task("TASKS_SHUTDOWN", TASKS_SHUTDOWN, this::stop);
        eventsCompare = new Register[ccCount];
        cc = new Register[ccCount];
        compareEvents = new ScheduledEvent[ccCount];
        for (int n = 0; n < ccCount; n++) {
            int index = n;
            bank.task("TASKS_CAPTURE[" + n + "]", TASKS_CAPTURE + 4 * n, () -> capture(index));
            eventsCompare[n] = bank.event("EVENTS_COMPARE[" + n + "]", EVENTS_COMPARE + 4 * n, this::updateInterrupt);
        }
        int channels = (1 << ccCount) - 1;
        shorts = bank.storage("SHORTS", SHORTS, 0, channels | channels << 8, this::scheduleAll);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & (channels << 16));
            scheduleAll();
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, () -> {
            scheduleAll();
            updateInterrupt();
        });
        mode = bank.custom("MODE", MODE, MODE_TIMER, null, v -> whileStopped("MODE", modeRegister(), v & 0b11));
        bitmode = bank.custom("BITMODE", BITMODE, BITMODE_16, null,
                v -> whileStopped("BITMODE", bitmodeRegister(), v & 0b11));
        prescaler = bank.custom("PRESCALER", PRESCALER, PRESCALER_RESET, null, this::writePrescaler);
        for (int n = 0; n < ccCount; n++) {
            int index = n;
            cc[n] = bank.storage("CC[" + n + "]", CC + 4 * n, 0, -1, () -> scheduleCompare(index));
        }
    }

    public RegisterBank registers() {
        return bank;
    }

    public int ccCount() {
        return ccCount;
    }

    public boolean isRunning() {
        return running;
    }

    /** The counter's value now (what CAPTURE would copy). */
    public long counter() {
        if (!running || !timerMode()) {
            return anchorCount;
        }
        return (anchorCount + ticks.ticksIn(clock.now() - anchorNs)) & mask();
    }

    /** f<sub>TIMER</sub> at the current PRESCALER, in Hz (fractional rates round down). */
    public long frequencyHz() {
        return BASE_CLOCK_HZ >> prescaler.value();
    }

    private Register modeRegister() {
        return mode;
    }

    private Register bitmodeRegister() {
        return bitmode;
    }

    private static TickConverter rate(int prescalerValue) {
        return new TickConverter(BASE_CLOCK_HZ, 1_000_000_000L << prescalerValue);
    }

    private int bits() {
        return switch (bitmode.value()) {
            case BITMODE_08 -> 8;
            case BITMODE_24 -> 24;
            case BITMODE_32 -> 32;
            default -> 16;
        };
    }

    private long mask() {
        return (1L << bits()) - 1;
    }

    private boolean timerMode() {
        return mode.value() == MODE_TIMER;
    }

    private void whileStopped(String name, Register register, int value) {
        if (value == register.value()) {
            return;
        }
        if (running) {
            bank.warn(name + " written while the timer runs; ignored (stop it first)");
            return;
        }
        if (register == mode && value == 3) {
            bank.warn("MODE = 3 is reserved; ignored");
            return;
        }
        long current = counter();
        register.set(value);
        anchorCount = current & mask();
        scheduleAll();
    }

    private void writePrescaler(int value) {
        int v = value & 0xF;
        if (v > PRESCALER_MAX) {
            bank.warn("PRESCALER " + v + " is above 9; the timer divides by 2^9");
            v = PRESCALER_MAX;
        }
        if (v == prescaler.value()) {
            return;
        }
        if (running) {
            bank.warn("PRESCALER written while the timer runs; ignored (stop it first)");
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

    private void restartAt(long value) {
        anchorCount = value & mask();
        anchorNs = clock.now();
        scheduleAll();
    }

    private void count() {
        if (timerMode()) {
            bank.warn("COUNT in timer mode; ignored");
            return;
        }
        if (!running) {
            return;
        }
        anchorCount = (anchorCount + 1) & mask();
        for (int n = 0; n < ccCount; n++) {
            if (anchorCount == (cc[n].value() & mask())) {
                compareMatched(n);
            }
        }
    }

    private void capture(int n) {
        cc[n].set((int) counter());
        scheduleCompare(n);
    }

    private boolean routed(int n) {
        return (inten.value() & (INT_COMPARE0 << n)) != 0
                || (shorts.value() & ((SHORTS_COMPARE0_CLEAR | SHORTS_COMPARE0_STOP) << n)) != 0;
    }

    private void scheduleAll() {
        for (int n = 0; n < ccCount; n++) {
            scheduleCompare(n);
        }
    }

    private void cancelAll() {
        for (int n = 0; n < ccCount; n++) {
            cancel(compareEvents[n]);
            compareEvents[n] = null;
        }
    }

    /** When the counter next becomes {@code value}: never "now", at most one full wrap away. */
    private long nextTimeCounterIs(long value) {
        long elapsed = ticks.ticksIn(clock.now() - anchorNs);
        long current = (anchorCount + elapsed) & mask();
        long delta = (value - current) & mask();
        if (delta == 0) {
            delta = mask() + 1;
        }
        return anchorNs + ticks.timeOfTick(elapsed + delta);
    }

    private void scheduleCompare(int n) {
        cancel(compareEvents[n]);
        compareEvents[n] = null;
        if (!running || !timerMode() || !routed(n)) {
            return;
        }
        compareEvents[n] = clock.schedule(nextTimeCounterIs(cc[n].value() & mask()), () -> {
            compareEvents[n] = null;
            compareMatched(n);
        });
    }

    private void compareMatched(int n) {
        eventsCompare[n].set(1);
        if ((shorts.value() & (SHORTS_COMPARE0_STOP << n)) != 0) {
            stop();
        }
        if ((shorts.value() & (SHORTS_COMPARE0_CLEAR << n)) != 0) {
            restartAt(0);
        } else {
            scheduleCompare(n);
        }
        updateInterrupt();
    }

    private void updateInterrupt() {
        int events = 0;
        for (int n = 0; n < ccCount; n++) {
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

    /** Back to the reset state: stopped at 0, 16 bits, PRESCALER 4. */
    public void reset() {
        cancelAll();
        bank.reset();
        running = false;
        anchorCount = 0;
        ticks = rate(PRESCALER_RESET);
        updateInterrupt();
    }
}
