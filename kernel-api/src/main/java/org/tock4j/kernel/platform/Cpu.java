package org.tock4j.kernel.platform;

/**
 * The processor core as the userspace runtime needs it: time passes while a process runs, and exceptions
 * (interrupts, the scheduler timer) preempt it.
 *
 * <pre>
 *   switchTo ──► enterUserspace()
 *      app runs: executeCycles(n) at each syscall / busy(n)   ── virtual clock advances, events fire
 *                takePendingException()? at preemption points ── yes: trap with Interrupted
 * </pre>
 *
 * <p>Tock counterpart: none; on hardware this is the processor itself. It exists because the kernel here
 * emulates the core that runs applications.
 */
public interface Cpu {

    /** The core clock in Hz (64 MHz on the nRF52840, 48 MHz on the SAM4L). */
    long frequencyHz();

    /** Marks the switch into a process: exceptions that fired while the kernel ran are not the process's. */
    void enterUserspace();

    /** Lets {@code cycles} core cycles pass: the virtual clock advances and events that fall due fire. */
    void executeCycles(long cycles);

    /**
     * Executes up to {@code cycles} cycles but stops where an exception fires (at once if one is pending);
     * returns the cycles executed. A long computation is preempted there and the rest runs when the process is
     * switched to again. A core that cannot stop early executes them all.
     */
    default long executeCyclesUntilException(long cycles) {
        executeCycles(cycles);
        return cycles;
    }

    /** Whether an exception fired since {@link #enterUserspace()} or the last call; reading clears it. */
    boolean takePendingException();
}
