package org.tock4j.kernel.core;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The kernel's build-time configuration in Tock, chosen per board here.
 *
 * <p>Tock counterpart: {@code kernel::config::Config} ({@code trace_syscalls}, {@code debug_load_processes}).
 *
 * @param traceSyscalls print every system call in Tock's {@code trace_syscalls} format
 * @param debug where kernel debug lines ({@code debug!}) go
 * @param observer told of every system call and upcall, for tools (a structured {@code trace_syscalls})
 * @param spinWatchdog how much wall time a process's code may run without reaching a preemption point (a
 *     system call, a memory access, {@code busy}) before it is faulted as spinning; see
 *     {@link org.tock4j.kernel.core.runtime.JvmProcessRuntime}. Tock has none: a Cortex-M preempts any
 *     instruction. The only wall-clock reading in the kernel; a run that never trips it stays deterministic.
 */
public record KernelConfig(boolean traceSyscalls, Consumer<String> debug, SyscallObserver observer,
        Duration spinWatchdog) {

    /** The spin watchdog's default: far beyond any legitimate stretch of JVM app code between two syscalls. */
    public static final Duration DEFAULT_SPIN_WATCHDOG = Duration.ofSeconds(5);

    public KernelConfig {
        if (spinWatchdog.isNegative() || spinWatchdog.isZero()) {
            throw new IllegalArgumentException("the spin watchdog must be positive: " + spinWatchdog);
        }
    }

    public KernelConfig(boolean traceSyscalls, Consumer<String> debug, SyscallObserver observer) {
        this(traceSyscalls, debug, observer, DEFAULT_SPIN_WATCHDOG);
    }

    public KernelConfig(boolean traceSyscalls, Consumer<String> debug) {
        this(traceSyscalls, debug, SyscallObserver.NONE);
    }

    /** Tracing off; debug lines dropped. */
    public static KernelConfig defaults() {
        return new KernelConfig(false, line -> {}, SyscallObserver.NONE);
    }

    public KernelConfig withTraceSyscalls(boolean trace) {
        return new KernelConfig(trace, debug, observer, spinWatchdog);
    }

    public KernelConfig withDebug(Consumer<String> sink) {
        return new KernelConfig(traceSyscalls, sink, observer, spinWatchdog);
    }

    public KernelConfig withObserver(SyscallObserver newObserver) {
        return new KernelConfig(traceSyscalls, debug, newObserver, spinWatchdog);
    }

    public KernelConfig withSpinWatchdog(Duration watchdog) {
        return new KernelConfig(traceSyscalls, debug, observer, watchdog);
    }
}
