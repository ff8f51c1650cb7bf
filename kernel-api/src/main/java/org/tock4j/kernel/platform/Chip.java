package org.tock4j.kernel.platform;

import java.util.function.Supplier;

import org.tock4j.kernel.platform.mpu.Mpu;

/**
 * A microcontroller: its interrupts, its MPU, its sleep, and (because it is emulated) its memory and core.
 *
 * <pre>
 *   kernel loop ── hasPendingInterrupts? ──► servicePendingInterrupts() ──► peripheral drivers (bottom halves)
 *               └─ nothing to do ──────────► sleep()  (the virtual clock jumps to the next event)
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::platform::chip::Chip}.
 */
public interface Chip {

    Mpu mpu();

    /** Runs the bottom half of every pending interrupt, in the chip's order. */
    void servicePendingInterrupts();

    boolean hasPendingInterrupts();

    /** Waits for an interrupt (WFI): with nothing pending, the virtual clock advances to the next event. */
    void sleep();

    /** Runs {@code f} with interrupts disabled. */
    <R> R atomic(Supplier<R> f);

    /** Runs {@code f} with interrupts disabled. */
    default void atomic(Runnable f) {
        atomic(() -> {
            f.run();
            return null;
        });
    }

    /** The chip's physical address space. */
    PhysicalMemory memory();

    /** The core that runs processes. */
    Cpu cpu();

    /** The chip's state for a panic report (Tock's {@code print_state}). */
    default String printState() {
        return "";
    }
}
