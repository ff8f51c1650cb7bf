package org.tock4j.chips.nrf52;

import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.KernelPanic;

/**
 * A driver spinning on a register, as Tock's {@code while !ready() {}} loops do: every poll costs the core
 * {@value #POLL_CYCLES} cycles, during which the peripherals run. Between two peripheral events nothing a
 * poll reads can change, so the loop jumps from event to event (rounded up to whole polls): the time it ends
 * is the time the real loop would.
 *
 * <p>A wait that nothing scheduled can ever end would hang the real chip; here it is a {@link KernelPanic}
 * naming what was awaited, as is a wait longer than {@value #LIMIT_NS} ns of virtual time (far beyond any
 * start-up or erase time of the chip).
 */
final class BusyWait {
    /** A load, a test and a branch. */
    static final int POLL_CYCLES = 4;
    /** The longest a busy-wait may spin: 10 s. */
    static final long LIMIT_NS = 10_000_000_000L;

    private BusyWait() {}

    /** Spins until {@code done} holds. */
    static void until(CortexM4 core, BooleanSupplier done, String what) {
        VirtualClock clock = core.clock();
        TickConverter cycles = core.cpu().cycleGrid();
        long deadline = clock.now() + LIMIT_NS;
        while (!done.getAsBoolean()) {
            OptionalLong next = clock.nextEventTime();
            if (next.isEmpty()) {
                throw new KernelPanic("busy-wait for " + what + " never ends: nothing that could end it is scheduled");
            }
            if (next.getAsLong() > deadline) {
                throw new KernelPanic("busy-wait for " + what + " spun for more than 10 s of virtual time");
            }
            long now = cycles.ticksIn(clock.now());
            long target = cycles.ticksIn(next.getAsLong());
            if (cycles.timeOfTick(target) < next.getAsLong()) {
                target++;
            }
            long polls = Math.max(1, (target - now + POLL_CYCLES - 1) / POLL_CYCLES);
            core.cpu().executeCycles(polls * POLL_CYCLES);
        }
    }
}
