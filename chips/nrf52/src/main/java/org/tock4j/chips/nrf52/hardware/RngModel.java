package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;
import java.util.SplittableRandom;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * RNG, the nRF52's random number generator (product specification 6.21), as silicon: one random byte at a
 * time, drawn from the chip's seeded generator so runs repeat.
 *
 * <ul>
 *   <li>START runs the generator: every byte takes {@value #BYTE_TIME_NS} ns, or {@value
 *       #BYTE_TIME_BIAS_CORRECTED_NS} ns with CONFIG.DERCEN (bias correction) set (the typical run times per
 *       byte of the product specification); then VALUE holds it and VALRDY is raised. It keeps generating
 *       until STOP, or stops after one byte with the VALRDY_STOP shortcut.</li>
 *   <li>A CONFIG write while running applies from the byte in progress.</li>
 *   <li>The interrupt line is high while VALRDY is set and enabled in INTEN.</li>
 * </ul>
 *
 * <p>A running generator whose interrupt is disabled costs nothing: when software next looks at VALUE or
 * VALRDY, the bytes finished meanwhile are accounted for and the last one is drawn (bytes overwritten unseen
 * are never drawn; runs stay deterministic), so an RNG left running (Tock's driver never stops it) does not
 * slow an idle board down.
 */
public final class RngModel {
    public static final int TASKS_START = 0x000;
    public static final int TASKS_STOP = 0x004;
    public static final int EVENTS_VALRDY = 0x100;
    public static final int SHORTS = 0x200;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int CONFIG = 0x504;
    public static final int VALUE = 0x508;

    public static final int SHORTS_VALRDY_STOP = 1;
    public static final int INT_VALRDY = 1;
    public static final int CONFIG_DERCEN = 1;
    /** Run time per byte without bias correction (typical). */
    public static final long BYTE_TIME_NS = 30_000;
    /** Run time per byte with bias correction (typical). */
    public static final long BYTE_TIME_BIAS_CORRECTED_NS = 120_000;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final SplittableRandom random;
    private final RegisterBank bank;
    private final Register eventsValrdy;
    private final Register shorts;
    private final Register inten;
    private final Register config;
    private final Register value;
    private boolean running;
    /** When the byte in progress (the first not yet drawn) began. */
    private long byteStartNs;
    private long byteTimeNs;
    private ScheduledEvent nextByte;

    /** @param random the chip's seeded generator this RNG draws its bytes from */
    public RngModel(int baseAddress, VirtualClock clock, InterruptLine irq, SplittableRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.random = Objects.requireNonNull(random, "random");
        bank = new RegisterBank("RNG", baseAddress);
        bank.task("TASKS_START", TASKS_START, this::start);
        bank.task("TASKS_STOP", TASKS_STOP, this::stop);
        eventsValrdy = bank.custom("EVENTS_VALRDY", EVENTS_VALRDY, 0, () -> {
            catchUp();
            return valrdy();
        }, v -> {
            catchUp();
            setValrdy(v & 1);
            schedule();
        });
        shorts = bank.storage("SHORTS", SHORTS, 0, SHORTS_VALRDY_STOP, () -> {
            catchUp();
            schedule();
        });
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & INT_VALRDY);
            catchUp();
            schedule();
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, () -> {
            catchUp();
            schedule();
            updateInterrupt();
        });
        config = bank.storage("CONFIG", CONFIG, 0, CONFIG_DERCEN, this::configWritten);
        value = bank.readOnly("VALUE", VALUE, () -> {
            catchUp();
            return valueNow();
        });
    }

    public RegisterBank registers() {
        return bank;
    }

    public boolean isRunning() {
        catchUp();
        return running;
    }

    /** How long a byte takes with the current CONFIG. */
    public long byteTimeNs() {
        return config.isSet(CONFIG_DERCEN) ? BYTE_TIME_BIAS_CORRECTED_NS : BYTE_TIME_NS;
    }

    private int valrdy() {
        return eventsValrdy.value();
    }

    private int valueNow() {
        return value.value();
    }

    private void setValrdy(int v) {
        eventsValrdy.set(v);
        updateInterrupt();
    }

    private void start() {
        catchUp();
        if (running) {
            return;
        }
        running = true;
        byteStartNs = clock.now();
        byteTimeNs = byteTimeNs();
        schedule();
    }

    private void stop() {
        catchUp();
        running = false;
        schedule();
    }

    private void configWritten() {
        catchUp();
        if (running) {
            byteTimeNs = byteTimeNs();
            schedule();
        }
    }

    /** Accounts for the bytes finished by now: VALUE holds the last (drawn now), VALRDY is raised. */
    private void catchUp() {
        if (!running) {
            return;
        }
        long finished = (clock.now() - byteStartNs) / byteTimeNs;
        if (finished == 0) {
            return;
        }
        if (shorts.isSet(SHORTS_VALRDY_STOP)) {
            finished = 1;
            running = false;
        }
        byteStartNs += finished * byteTimeNs;
        value.set(random.nextInt(256));
        eventsValrdy.set(1);
        updateInterrupt();
    }

    /** Schedules the end of the byte in progress when the interrupt must be raised then (enabled, VALRDY clear). */
    private void schedule() {
        if (nextByte != null) {
            nextByte.cancel();
            nextByte = null;
        }
        boolean interruptWaits = inten.isSet(INT_VALRDY) && !eventsValrdy.isSet();
        if (running && interruptWaits) {
            nextByte = clock.schedule(byteStartNs + byteTimeNs, () -> {
                nextByte = null;
                catchUp();
                schedule();
            });
        }
    }

    private void updateInterrupt() {
        irq.setLevel(eventsValrdy.isSet() && inten.isSet(INT_VALRDY));
    }

    /** Back to the reset state: stopped, VALUE 0. */
    public void reset() {
        running = false;
        schedule();
        bank.reset();
        updateInterrupt();
    }
}
