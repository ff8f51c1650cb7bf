package org.tock4j.chips.sam4l;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.tock4j.chips.cortexm.CortexMCpu;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.KernelPanic;

/**
 * Tock's {@code while !ready() {}}: the core spins, so virtual time passes, until a peripheral reports ready.
 * A condition already true costs nothing. Since only clock events change a peripheral's state, the spin
 * executes cycles up to the next event each round (what polling costs on the silicon, to the cycle grid).
 *
 * <p>A spin that would never end (nothing is scheduled, or it outlasts a second of virtual time) is a
 * kernel panic naming what it waited for: on the silicon the core would hang there.
 *
 * <p>Tock counterpart: the {@code while !...is_set(...) {}} loops of Tock's SAM4L drivers.
 */
final class BusyWait {
    private static final long LIMIT_NS = 1_000_000_000L;
    private static final long POLL_CYCLES = 4;

    private final CortexMCpu cpu;
    private final VirtualClock clock;

    BusyWait(CortexMCpu cpu, VirtualClock clock) {
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void until(BooleanSupplier ready, String what) {
        long start = clock.now();
        while (!ready.getAsBoolean()) {
            OptionalLong next = clock.nextEventTime();
            if (next.isEmpty()) {
                throw new KernelPanic("spinning forever waiting for " + what + ": nothing can change it");
            }
            if (clock.now() - start > LIMIT_NS) {
                throw new KernelPanic("spun " + (clock.now() - start) + " ns waiting for " + what);
            }
            long ns = Math.max(0, next.getAsLong() - clock.now());
            long cycles = Math.max(POLL_CYCLES, Math.ceilDiv(ns * (cpu.frequencyHz() / 1_000_000), 1_000));
            cpu.executeCycles(cycles);
        }
    }
}
