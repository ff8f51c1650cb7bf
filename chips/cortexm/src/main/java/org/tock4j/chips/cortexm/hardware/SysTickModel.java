package org.tock4j.chips.cortexm.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * The SysTick timer (ARMv7-M B3.3): a 24-bit down counter clocked by the core, counting virtual CPU time.
 *
 * <ul>
 *   <li>Counting down to 0 sets COUNTFLAG and, with TICKINT set, pends the SysTick exception; on the next
 *       cycle the counter reloads from SYST_RVR (a period of RVR + 1 cycles). With RVR 0 it stops at 0.</li>
 *   <li>Reading SYST_CSR clears COUNTFLAG. Writing SYST_CVR (any value) clears the counter and COUNTFLAG.</li>
 *   <li>Cycles are counted on the core's cycle grid ({@code floor(now × f / 1 s)}), the same grid the core
 *       executes on, so the counter agrees exactly with the cycles a process ran.</li>
 * </ul>
 *
 * <p>One simplification: when the counter is enabled (or cleared while enabled) at 0, it loads SYST_RVR in
 * that same instant rather than on the next cycle. Tock's {@code start} relies on the counter holding the
 * reload value right after it is enabled; in the emulator no cycle passes between two kernel statements, so
 * the hardware's one-cycle load would make a fresh timeslice read as already expired.
 */
public final class SysTickModel {
    public static final int BASE = 0xE000_E010;
    public static final int SYST_CSR = 0x0;
    public static final int SYST_RVR = 0x4;
    public static final int SYST_CVR = 0x8;
    public static final int SYST_CALIB = 0xC;

    public static final int CSR_ENABLE = 1;
    public static final int CSR_TICKINT = 1 << 1;
    public static final int CSR_CLKSOURCE = 1 << 2;
    public static final int CSR_COUNTFLAG = 1 << 16;
    public static final int COUNTER_MASK = 0x00FF_FFFF;
    /** No reference clock, no exact 10 ms calibration value (Tock configures the frequency explicitly). */
    public static final int DEFAULT_CALIB = 0xC000_0000;

    private final VirtualClock clock;
    private final TickConverter cycles;
    private final Runnable pendException;
    private final RegisterBank bank;
    private final Register csr;
    private final Register rvr;
    private boolean countFlag;
    private long anchorCycle;
    private int anchorValue;
    private int frozenValue;
    private ScheduledEvent zeroEvent;

    /**
     * @param cycles the core clock (the counter's clock)
     * @param pendException pends the SysTick exception (the NVIC model's {@code pendSysTick})
     */
    public SysTickModel(VirtualClock clock, TickConverter cycles, int calib, Runnable pendException) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cycles = Objects.requireNonNull(cycles, "cycles");
        this.pendException = Objects.requireNonNull(pendException, "pendException");
        bank = new RegisterBank("SysTick", BASE, 0, 0x10);
        csr = bank.custom("SYST_CSR", SYST_CSR, 0, this::readCsr, this::writeCsr);
        rvr = bank.storage("SYST_RVR", SYST_RVR, 0, COUNTER_MASK, null);
        bank.custom("SYST_CVR", SYST_CVR, 0, this::current, v -> clearCounter());
        bank.constant("SYST_CALIB", SYST_CALIB, calib);
    }

    public RegisterBank registers() {
        return bank;
    }

    public boolean isEnabled() {
        return (csr.value() & CSR_ENABLE) != 0;
    }

    public boolean tickInt() {
        return (csr.value() & CSR_TICKINT) != 0;
    }

    /** COUNTFLAG without the clearing side effect of a CSR read. */
    public boolean countFlag() {
        return countFlag;
    }

    /** The counter value now (SYST_CVR). */
    public int current() {
        if (!isEnabled()) {
            return frozenValue;
        }
        long now = cycles.ticksIn(clock.now());
        if (now < anchorCycle) {
            return 0; // the cycle after reaching 0, before the reload
        }
        return (int) Math.max(0, anchorValue - (now - anchorCycle));
    }

    private int readCsr() {
        int value = (csr.value() & (CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE)) | (countFlag ? CSR_COUNTFLAG : 0);
        countFlag = false;
        return value;
    }

    private void writeCsr(int value) {
        boolean wasEnabled = isEnabled();
        csr.set(value & (CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE));
        boolean enable = isEnabled();
        if (enable && !wasEnabled) {
            startCounting(frozenValue);
        } else if (!enable && wasEnabled) {
            frozenValue = current();
            cancelZero();
        }
    }

    private void clearCounter() {
        countFlag = false;
        if (isEnabled()) {
            cancelZero();
            startCounting(0);
        } else {
            frozenValue = 0;
        }
    }

    /** Counts down from {@code value}, or from the reload value when {@code value} is 0. */
    private void startCounting(int value) {
        anchorCycle = cycles.ticksIn(clock.now());
        anchorValue = value != 0 ? value : rvr.value();
        scheduleZero();
    }

    private void scheduleZero() {
        cancelZero();
        if (anchorValue == 0) {
            return; // RVR 0: the counter rests at 0
        }
        long zeroCycle = anchorCycle + anchorValue;
        zeroEvent = clock.schedule(cycles.timeOfTick(zeroCycle), () -> reachedZero(zeroCycle));
    }

    private void reachedZero(long zeroCycle) {
        zeroEvent = null;
        countFlag = true;
        int reload = rvr.value();
        if (reload == 0) {
            anchorCycle = zeroCycle;
            anchorValue = 0;
        } else {
            anchorCycle = zeroCycle + 1;
            anchorValue = reload;
            scheduleZero();
        }
        if (tickInt()) {
            pendException.run();
        }
    }

    private void cancelZero() {
        if (zeroEvent != null) {
            zeroEvent.cancel();
            zeroEvent = null;
        }
    }

    /** Back to the reset state: stopped, counter 0. */
    public void reset() {
        cancelZero();
        bank.reset();
        countFlag = false;
        frozenValue = 0;
    }
}
