package org.tock4j.chips.cortexm;

import java.util.Objects;
import java.util.OptionalLong;

import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.platform.Cpu;

/**
 * The Cortex-M core as the userspace runtime sees it: cycles pass on the board's virtual clock, and
 * exceptions (an enabled interrupt going pending, the armed SysTick expiring) preempt the running process.
 *
 * <p>The core runs on a cycle grid: cycle {@code k} ends at the first whole nanosecond at or after
 * {@code k / f}. {@link #executeCycles(long)} moves to the end of the cycle {@code n} cycles on, so cycles
 * convert to nanoseconds without drift however they are split (64 cycles at 64 MHz are exactly 1 µs, and a
 * million calls of one cycle are exactly 15,625,000 ns). A call that starts between two grid points (after
 * the clock slept to an event) counts the cycle in progress as its first.
 *
 * <pre>{@code
 * cpu.enterUserspace();
 * cpu.executeCycles(64_000);               // 1 ms of the process's computation at 64 MHz
 * if (cpu.takePendingException()) { ... }  // trap to the kernel with Interrupted
 * }</pre>
 *
 * <p>Tock counterpart: none (the processor); the exception indication is what Tock's
 * {@code generic_isr} and {@code systick_handler} cause by returning to the kernel.
 */
public final class CortexMCpu implements Cpu {
    private final VirtualClock clock;
    private final long frequencyHz;
    private final TickConverter cycleGrid;
    private boolean exceptionFired;

    public CortexMCpu(VirtualClock clock, long frequencyHz) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (frequencyHz <= 0 || frequencyHz > 1_000_000_000L) {
            throw new IllegalArgumentException("core frequency must be 1 Hz..1 GHz: " + frequencyHz);
        }
        this.frequencyHz = frequencyHz;
        this.cycleGrid = TickConverter.ofHz(frequencyHz);
    }

    @Override
    public long frequencyHz() {
        return frequencyHz;
    }

    /** The clock of the core: cycles to nanoseconds and back. */
    public TickConverter cycleGrid() {
        return cycleGrid;
    }

    /** Cycles completed since reset. */
    public long cycles() {
        return cycleGrid.ticksIn(clock.now());
    }

    @Override
    public void enterUserspace() {
        exceptionFired = false;
    }

    @Override
    public void executeCycles(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("negative cycle count: " + cycles);
        }
        clock.advanceTo(endOfCycle(cycles));
    }

    /**
     * Executes up to {@code cycles} cycles but stops at the end of the cycle in which an exception fired
     * (at once, with 0, if one is already pending); returns the cycles executed. Lets a long computation be
     * preempted where the timer expires, the rest running when the process resumes.
     */
    @Override
    public long executeCyclesUntilException(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("negative cycle count: " + cycles);
        }
        long start = cycles();
        long target = endOfCycle(cycles);
        while (!exceptionFired) {
            OptionalLong next = clock.nextEventTime();
            if (next.isEmpty() || next.getAsLong() > target) {
                clock.advanceTo(target);
                return cycles;
            }
            clock.advanceTo(next.getAsLong());
        }
        long reached = cycleGrid.ticksIn(clock.now());
        if (cycleGrid.timeOfTick(reached) != clock.now()) {
            reached++; // the instruction in progress completes
        }
        long done = Math.max(0, Math.min(cycles, reached - start));
        clock.advanceTo(Math.max(clock.now(), cycleGrid.timeOfTick(start + done)));
        return done;
    }

    @Override
    public boolean takePendingException() {
        boolean fired = exceptionFired;
        exceptionFired = false;
        return fired;
    }

    /** Whether an exception fired since {@link #enterUserspace()}, without clearing it. */
    public boolean hasPendingException() {
        return exceptionFired;
    }

    /** The exception handlers' return to the kernel: remembered until the runtime takes it. */
    void exceptionFired() {
        exceptionFired = true;
    }

    /** The end of the cycle {@code cycles} on; a cycle already in progress counts as the first. */
    private long endOfCycle(long cycles) {
        long current = cycleGrid.ticksIn(clock.now());
        return Math.max(clock.now(), cycleGrid.timeOfTick(Math.addExact(current, cycles)));
    }

    @Override
    public String toString() {
        return "CortexMCpu[" + frequencyHz + " Hz, cycle " + cycles() + "]";
    }
}
