package org.tock4j.boards.kit.internal;

import org.tock4j.kernel.platform.ContextSwitchCallback;
import org.tock4j.kernel.platform.KernelResources;
import org.tock4j.kernel.platform.ProcessFault;
import org.tock4j.kernel.platform.SchedulerTimer;
import org.tock4j.kernel.platform.SyscallDriverLookup;
import org.tock4j.kernel.platform.SyscallFilter;
import org.tock4j.kernel.platform.Watchdog;
import org.tock4j.kernel.scheduler.Scheduler;

/**
 * What a booted board gives the kernel loop. Tock counterpart: a board's {@code impl KernelResources}.
 */
public record BoardResources(
        SyscallDriverLookup syscallDriverLookup,
        SyscallFilter syscallFilter,
        ProcessFault processFault,
        ContextSwitchCallback contextSwitchCallback,
        Scheduler scheduler,
        SchedulerTimer schedulerTimer,
        Watchdog watchdog) implements KernelResources {}
