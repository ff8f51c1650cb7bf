/**
 * What a platform gives the kernel: the {@link org.tock4j.kernel.platform.Chip} (interrupts, MPU, sleep,
 * memory, core), timers, the watchdog, and the board's policies gathered in
 * {@link org.tock4j.kernel.platform.KernelResources}.
 *
 * <pre>
 *   Kernel.kernelLoopOperation(resources, chip)
 *        resources ── scheduler, schedulerTimer, syscallDriverLookup, syscallFilter, processFault, watchdog
 *        chip ─────── servicePendingInterrupts, hasPendingInterrupts, sleep, atomic, mpu
 * </pre>
 */
package org.tock4j.kernel.platform;
