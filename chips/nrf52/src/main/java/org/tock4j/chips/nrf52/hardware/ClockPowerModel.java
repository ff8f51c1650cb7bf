package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * CLOCK and POWER (product specification 6.4 and 6.8), as silicon: two peripherals sharing ID 0, one register
 * block at 0x40000000 (their INTENSET/INTENCLR bits interleave) and one interrupt line.
 *
 * <ul>
 *   <li>HFCLKSTART sets HFCLKRUN and, {@value #HFXO_STARTUP_NS} ns later (the HFXO start-up time), switches
 *       HFCLKSTAT to the crystal, running, and raises HFCLKSTARTED. HFCLKSTOP goes back to the internal
 *       oscillator (HFCLKSTAT 0) and cancels a start in progress.</li>
 *   <li>LFCLKSTART copies LFCLKSRC to LFCLKSRCCOPY, sets LFCLKRUN and, after the start-up time of that source
 *       (LFRC and LFSYNT {@value #LFRC_STARTUP_NS} ns, LFXO {@value #LFXO_STARTUP_NS} ns), sets LFCLKSTAT to
 *       the source, running, and raises LFCLKSTARTED. LFCLKSRC is taken only while the LFCLK is stopped.</li>
 *   <li>POWER: RESETREAS (write 1 to clear; 0 after a power-on reset), GPREGRET/GPREGRET2, POFCON, DCDCEN,
 *       DCDCEN0, RAM[n].POWER with POWERSET/POWERCLR, MAINREGSTATUS (normal voltage mode) and USBREGSTATUS
 *       (no VBUS) hold what the datasheet says; no power event is ever generated.</li>
 *   <li>The interrupt line is high while an event is set whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>Simplifications: the LFCLK and HFCLK feed nothing else in the emulator (the RTCs and TIMERs count
 * whether or not their clock was started); calibration (CAL, CTSTART, CTSTOP) and SYSTEMOFF are declared but
 * not modelled; the registers Tock's start-up code writes for errata workarounds are declared unmodelled.
 * Start-up times are the product specification's typical values.
 */
public final class ClockPowerModel {
    // CLOCK
    public static final int TASKS_HFCLKSTART = 0x000;
    public static final int TASKS_HFCLKSTOP = 0x004;
    public static final int TASKS_LFCLKSTART = 0x008;
    public static final int TASKS_LFCLKSTOP = 0x00C;
    public static final int TASKS_CAL = 0x010;
    public static final int TASKS_CTSTART = 0x014;
    public static final int TASKS_CTSTOP = 0x018;
    public static final int EVENTS_HFCLKSTARTED = 0x100;
    public static final int EVENTS_LFCLKSTARTED = 0x104;
    public static final int EVENTS_DONE = 0x10C;
    public static final int EVENTS_CTTO = 0x110;
    public static final int EVENTS_CTSTARTED = 0x128;
    public static final int EVENTS_CTSTOPPED = 0x12C;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int HFCLKRUN = 0x408;
    public static final int HFCLKSTAT = 0x40C;
    public static final int LFCLKRUN = 0x414;
    public static final int LFCLKSTAT = 0x418;
    public static final int LFCLKSRCCOPY = 0x41C;
    public static final int LFCLKSRC = 0x518;
    public static final int HFXODEBOUNCE = 0x528;
    public static final int CTIV = 0x538;
    public static final int TRACECONFIG = 0x55C;
    public static final int LFRCMODE = 0x5B4;
    // POWER
    public static final int TASKS_CONSTLAT = 0x078;
    public static final int TASKS_LOWPWR = 0x07C;
    public static final int EVENTS_POFWARN = 0x108;
    public static final int EVENTS_SLEEPENTER = 0x114;
    public static final int EVENTS_SLEEPEXIT = 0x118;
    public static final int EVENTS_USBDETECTED = 0x11C;
    public static final int EVENTS_USBREMOVED = 0x120;
    public static final int EVENTS_USBPWRRDY = 0x124;
    public static final int RESETREAS = 0x400;
    public static final int USBREGSTATUS = 0x438;
    public static final int SYSTEMOFF = 0x500;
    public static final int POFCON = 0x510;
    public static final int GPREGRET = 0x51C;
    public static final int GPREGRET2 = 0x520;
    public static final int DCDCEN = 0x578;
    public static final int DCDCEN0 = 0x580;
    public static final int MAINREGSTATUS = 0x640;
    public static final int RAM = 0x900;
    public static final int RAM_BLOCKS = 9;

    public static final int INT_HFCLKSTARTED = 1;
    public static final int INT_LFCLKSTARTED = 1 << 1;
    public static final int INT_POFWARN = 1 << 2;
    public static final int INT_DONE = 1 << 3;
    public static final int INT_CTTO = 1 << 4;
    public static final int INT_SLEEPENTER = 1 << 5;
    public static final int INT_SLEEPEXIT = 1 << 6;
    public static final int INT_USBDETECTED = 1 << 7;
    public static final int INT_USBREMOVED = 1 << 8;
    public static final int INT_USBPWRRDY = 1 << 9;
    public static final int INT_CTSTARTED = 1 << 10;
    public static final int INT_CTSTOPPED = 1 << 11;

    /** HFCLKSTAT/LFCLKSTAT STATE: the clock runs. */
    public static final int STAT_RUNNING = 1 << 16;
    public static final int HFCLK_SRC_RC = 0;
    public static final int HFCLK_SRC_XTAL = 1;
    public static final int LFCLK_SRC_RC = 0;
    public static final int LFCLK_SRC_XTAL = 1;
    public static final int LFCLK_SRC_SYNTH = 2;

    /** RESETREAS bits. */
    public static final int RESETREAS_RESETPIN = 1;
    public static final int RESETREAS_DOG = 1 << 1;
    public static final int RESETREAS_SREQ = 1 << 2;
    public static final int RESETREAS_LOCKUP = 1 << 3;
    public static final int RESETREAS_OFF = 1 << 16;
    public static final int RESETREAS_LPCOMP = 1 << 17;
    public static final int RESETREAS_DIF = 1 << 18;
    public static final int RESETREAS_NFC = 1 << 19;
    public static final int RESETREAS_VBUS = 1 << 20;
    private static final int RESETREAS_MASK = 0xF | (0x1F << 16);

    /** HFXO start-up time (product specification: 32 MHz crystal oscillator, typical). */
    public static final long HFXO_STARTUP_NS = 360_000;
    /** LFRC (and LFSYNT) start-up time, typical. */
    public static final long LFRC_STARTUP_NS = 600_000;
    /** LFXO start-up time, typical. */
    public static final long LFXO_STARTUP_NS = 250_000_000;

    private static final int CLOCK_INTERRUPTS = INT_HFCLKSTARTED | INT_LFCLKSTARTED | INT_DONE | INT_CTTO
            | INT_CTSTARTED | INT_CTSTOPPED;
    private static final int POWER_INTERRUPTS = INT_POFWARN | INT_SLEEPENTER | INT_SLEEPEXIT | INT_USBDETECTED
            | INT_USBREMOVED | INT_USBPWRRDY;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final Register eventsHfclkstarted;
    private final Register eventsLfclkstarted;
    private final Register[] events;
    private final int[] eventBits;
    private final Register inten;
    private final Register hfclkrun;
    private final Register hfclkstat;
    private final Register lfclkrun;
    private final Register lfclkstat;
    private final Register lfclksrccopy;
    private final Register lfclksrc;
    private final Register resetreas;
    private ScheduledEvent hfStart;
    private ScheduledEvent lfStart;

    public ClockPowerModel(int baseAddress, VirtualClock clock, InterruptLine irq) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.irq = Objects.requireNonNull(irq, "irq");
        bank = new RegisterBank("CLOCK/POWER", baseAddress);
        // CLOCK
        bank.task("TASKS_HFCLKSTART", TASKS_HFCLKSTART, this::hfclkStart);
        bank.task("TASKS_HFCLKSTOP", TASKS_HFCLKSTOP, this::hfclkStop);
        bank.task("TASKS_LFCLKSTART", TASKS_LFCLKSTART, this::lfclkStart);
        bank.task("TASKS_LFCLKSTOP", TASKS_LFCLKSTOP, this::lfclkStop);
        bank.unmodelled("TASKS_CAL", TASKS_CAL, 0);
        bank.unmodelled("TASKS_CTSTART", TASKS_CTSTART, 0);
        bank.unmodelled("TASKS_CTSTOP", TASKS_CTSTOP, 0);
        eventsHfclkstarted = bank.event("EVENTS_HFCLKSTARTED", EVENTS_HFCLKSTARTED, this::updateInterrupt);
        eventsLfclkstarted = bank.event("EVENTS_LFCLKSTARTED", EVENTS_LFCLKSTARTED, this::updateInterrupt);
        Register done = bank.event("EVENTS_DONE", EVENTS_DONE, this::updateInterrupt);
        Register ctto = bank.event("EVENTS_CTTO", EVENTS_CTTO, this::updateInterrupt);
        Register ctstarted = bank.event("EVENTS_CTSTARTED", EVENTS_CTSTARTED, this::updateInterrupt);
        Register ctstopped = bank.event("EVENTS_CTSTOPPED", EVENTS_CTSTOPPED, this::updateInterrupt);
        hfclkrun = bank.constant("HFCLKRUN", HFCLKRUN, 0);
        hfclkstat = bank.constant("HFCLKSTAT", HFCLKSTAT, 0);
        lfclkrun = bank.constant("LFCLKRUN", LFCLKRUN, 0);
        lfclkstat = bank.constant("LFCLKSTAT", LFCLKSTAT, 0);
        lfclksrccopy = bank.constant("LFCLKSRCCOPY", LFCLKSRCCOPY, 0);
        lfclksrc = bank.custom("LFCLKSRC", LFCLKSRC, 0, null, this::writeLfclksrc);
        bank.unmodelled("HFXODEBOUNCE", HFXODEBOUNCE, 0x10);
        bank.unmodelled("CTIV", CTIV, 0);
        bank.unmodelled("TRACECONFIG", TRACECONFIG, 0);
        bank.unmodelled("LFRCMODE", LFRCMODE, 0);
        // POWER
        bank.task("TASKS_CONSTLAT", TASKS_CONSTLAT, () -> { });
        bank.task("TASKS_LOWPWR", TASKS_LOWPWR, () -> { });
        Register pofwarn = bank.event("EVENTS_POFWARN", EVENTS_POFWARN, this::updateInterrupt);
        Register sleepenter = bank.event("EVENTS_SLEEPENTER", EVENTS_SLEEPENTER, this::updateInterrupt);
        Register sleepexit = bank.event("EVENTS_SLEEPEXIT", EVENTS_SLEEPEXIT, this::updateInterrupt);
        Register usbdetected = bank.event("EVENTS_USBDETECTED", EVENTS_USBDETECTED, this::updateInterrupt);
        Register usbremoved = bank.event("EVENTS_USBREMOVED", EVENTS_USBREMOVED, this::updateInterrupt);
        Register usbpwrrdy = bank.event("EVENTS_USBPWRRDY", EVENTS_USBPWRRDY, this::updateInterrupt);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & (CLOCK_INTERRUPTS | POWER_INTERRUPTS));
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        resetreas = bank.custom("RESETREAS", RESETREAS, 0, null, written -> clearResetReason(written));
        bank.constant("USBREGSTATUS", USBREGSTATUS, 0);
        bank.writeOnly("SYSTEMOFF", SYSTEMOFF, v -> {
            if ((v & 1) != 0) {
                bank.warn("SYSTEMOFF is not modelled: the chip stays on");
            }
        });
        bank.storage("POFCON", POFCON, 0, 0xF1F, null);
        bank.storage("GPREGRET", GPREGRET, 0, 0xFF, null);
        bank.storage("GPREGRET2", GPREGRET2, 0, 0xFF, null);
        bank.storage("DCDCEN", DCDCEN, 0, 1, null);
        bank.storage("DCDCEN0", DCDCEN0, 0, 1, null);
        bank.constant("MAINREGSTATUS", MAINREGSTATUS, 0);
        for (int n = 0; n < RAM_BLOCKS; n++) {
            Register power = bank.storage("RAM[" + n + "].POWER", RAM + 0x10 * n, 0xFFFF, 0xFFFF_FFFF, null);
            bank.writeOneToSet("RAM[" + n + "].POWERSET", RAM + 0x10 * n + 4, power, null);
            bank.writeOneToClear("RAM[" + n + "].POWERCLR", RAM + 0x10 * n + 8, power, null);
        }
        // Undocumented registers Tock's nrf52::crt1::init writes (errata workarounds).
        bank.unmodelled("undocumented 0x53C (errata 31)", 0x53C, 0);
        bank.unmodelled("undocumented 0x5A0 (errata 37)", 0x5A0, 0);
        bank.unmodelled("undocumented 0xEE4 (errata 108)", 0xEE4, 0);
        events = new Register[] {eventsHfclkstarted, eventsLfclkstarted, pofwarn, done, ctto, sleepenter,
                sleepexit, usbdetected, usbremoved, usbpwrrdy, ctstarted, ctstopped};
        eventBits = new int[] {INT_HFCLKSTARTED, INT_LFCLKSTARTED, INT_POFWARN, INT_DONE, INT_CTTO,
                INT_SLEEPENTER, INT_SLEEPEXIT, INT_USBDETECTED, INT_USBREMOVED, INT_USBPWRRDY, INT_CTSTARTED,
                INT_CTSTOPPED};
    }

    public RegisterBank registers() {
        return bank;
    }

    /** Records reset reasons in RESETREAS (they accumulate until software clears them). */
    public void recordResetReason(int reasons) {
        resetreas.setBits(reasons & RESETREAS_MASK);
    }

    /** Whether the HFXO runs (HFCLKSTARTED has happened and no HFCLKSTOP since). */
    public boolean isHfxoRunning() {
        return (hfclkstat.value() & STAT_RUNNING) != 0;
    }

    /** Whether the LFCLK runs. */
    public boolean isLfclkRunning() {
        return (lfclkstat.value() & STAT_RUNNING) != 0;
    }

    private void clearResetReason(int written) {
        resetreas.clearBits(written);
    }

    // ---- HFCLK ----

    private void hfclkStart() {
        hfclkrun.set(1);
        if (hfStart != null && hfStart.isPending()) {
            return;
        }
        long delay = isHfxoRunning() ? 0 : HFXO_STARTUP_NS;
        hfStart = clock.scheduleAfter(delay, () -> {
            hfclkstat.set(HFCLK_SRC_XTAL | STAT_RUNNING);
            eventsHfclkstarted.set(1);
            updateInterrupt();
        });
    }

    private void hfclkStop() {
        cancel(hfStart);
        hfStart = null;
        hfclkrun.set(0);
        hfclkstat.set(HFCLK_SRC_RC);
    }

    // ---- LFCLK ----

    private void writeLfclksrc(int value) {
        if (isLfclkRunning() || (lfStart != null && lfStart.isPending())) {
            bank.warn("LFCLKSRC written while the LFCLK runs; ignored (stop it first)");
            return;
        }
        int source = value & 0b11;
        if (source == 3) {
            bank.warn("LFCLKSRC.SRC = 3 is reserved; treated as RC");
            source = LFCLK_SRC_RC;
        }
        lfclksrc.set((value & ((1 << 16) | (1 << 17))) | source);
    }

    private void lfclkStart() {
        lfclkrun.set(1);
        if (lfStart != null && lfStart.isPending()) {
            return;
        }
        int source = lfclksrc.value() & 0b11;
        lfclksrccopy.set(lfclksrc.value());
        long delay = isLfclkRunning() ? 0 : source == LFCLK_SRC_XTAL ? LFXO_STARTUP_NS : LFRC_STARTUP_NS;
        lfStart = clock.scheduleAfter(delay, () -> {
            lfclkstat.set(source | STAT_RUNNING);
            eventsLfclkstarted.set(1);
            updateInterrupt();
        });
    }

    private void lfclkStop() {
        cancel(lfStart);
        lfStart = null;
        lfclkrun.set(0);
        lfclkstat.set(lfclkstat.value() & ~STAT_RUNNING);
    }

    // ---- interrupt ----

    private void updateInterrupt() {
        int pending = 0;
        for (int i = 0; i < events.length; i++) {
            if (events[i].isSet()) {
                pending |= eventBits[i];
            }
        }
        irq.setLevel((pending & inten.value()) != 0);
    }

    private static void cancel(ScheduledEvent event) {
        if (event != null) {
            event.cancel();
        }
    }

    /** Back to the power-on state: clocks stopped, RESETREAS 0. */
    public void reset() {
        cancel(hfStart);
        cancel(lfStart);
        hfStart = null;
        lfStart = null;
        bank.reset();
        updateInterrupt();
    }
}
