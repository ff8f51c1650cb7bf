package org.tock4j.kernel.platform;

import org.tock4j.kernel.scheduler.Scheduler;

/**
 * Everything a board gives the kernel loop: its drivers, policies, scheduler and timers.
 *
 * <p>Tock counterpart: {@code kernel::platform::platform::KernelResources}.
 */
public interface KernelResources {

    SyscallDriverLookup syscallDriverLookup();

    SyscallFilter syscallFilter();

    ProcessFault processFault();

    ContextSwitchCallback contextSwitchCallback();

    Scheduler scheduler();

    SchedulerTimer schedulerTimer();

    Watchdog watchdog();
}
