package org.tock4j.chips.cortexm;

import java.util.Objects;
import java.util.OptionalInt;

import org.tock4j.chips.cortexm.hardware.SysTickModel;
import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * The scheduler timer on the Cortex-M SysTick, programmed exactly as Tock's driver does it.
 *
 * <pre>{@code
 * SysTick systick = new SysTick(bus, 64_000_000);
 * systick.start(10_000);                     // a 10 ms timeslice: reload 640,000
 * systick.arm();                             // expiry preempts the process
 * systick.getRemainingUs();                  // OptionalInt.empty() once it counted to 0
 * }</pre>
 *
 * <p>Reading the remaining time reads SYST_CSR, which clears COUNTFLAG: after it once reported expiry, a
 * second call reports the reloaded counter (Tock's kernel never asks twice).
 *
 * <p>Tock counterpart: {@code cortexm::systick::SysTick}.
 */
public final class SysTick implements SchedulerTimer {
    private final MmioRegisters regs;
    private final int hertz;
    private final boolean externalClock;

    /**
     * A SysTick counting at {@code hertz} ({@code new_with_calibration}); 0 reads the frequency from
     * SYST_CALIB.TENMS ({@code new}).
     */
    public SysTick(PhysicalMemory bus, int hertz) {
        this(bus, hertz, false);
    }

    /** As {@link #SysTick(PhysicalMemory, int)}, clocked by the external reference when {@code externalClock}. */
    public SysTick(PhysicalMemory bus, int hertz, boolean externalClock) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), SysTickModel.BASE);
        this.hertz = hertz;
        this.externalClock = externalClock;
    }

    /** The tick frequency: the configured one, else {@code TENMS × 100}. */
    public int hertz() {
        if (hertz != 0) {
            return hertz;
        }
        return (regs.read(SysTickModel.SYST_CALIB) & SysTickModel.COUNTER_MASK) * 100;
    }

    @Override
    public void start(int us) {
        if (us == 0) {
            throw new IllegalArgumentException("a timeslice must be non-zero");
        }
        long reload = Integer.toUnsignedLong(hertz()) * Integer.toUnsignedLong(us) / 1_000_000L;
        // 4.4.5 'hints and tips': set the reload before the value.
        regs.write(SysTickModel.SYST_RVR, (int) reload & SysTickModel.COUNTER_MASK);
        regs.write(SysTickModel.SYST_CVR, 0);
        // Write the whole CSR: reading it would throw away a COUNTFLAG.
        regs.write(SysTickModel.SYST_CSR, SysTickModel.CSR_TICKINT | SysTickModel.CSR_ENABLE | clockSource());
    }

    @Override
    public void reset() {
        regs.write(SysTickModel.SYST_CSR, 0);
        regs.write(SysTickModel.SYST_RVR, 0);
        regs.write(SysTickModel.SYST_CVR, 0);
    }

    @Override
    public void arm() {
        regs.write(SysTickModel.SYST_CSR, SysTickModel.CSR_TICKINT | SysTickModel.CSR_ENABLE | clockSource());
    }

    @Override
    public void disarm() {
        regs.write(SysTickModel.SYST_CSR, SysTickModel.CSR_ENABLE | clockSource());
    }

    @Override
    public OptionalInt getRemainingUs() {
        long tics = Integer.toUnsignedLong(regs.read(SysTickModel.SYST_CVR) & SysTickModel.COUNTER_MASK);
        if (regs.isSet(SysTickModel.SYST_CSR, SysTickModel.CSR_COUNTFLAG)) {
            return OptionalInt.empty();
        }
        int us = (int) (tics * 1_000_000L / Integer.toUnsignedLong(hertz()));
        return us == 0 ? OptionalInt.empty() : OptionalInt.of(us);
    }

    private int clockSource() {
        return externalClock ? 0 : SysTickModel.CSR_CLKSOURCE;
    }
}
