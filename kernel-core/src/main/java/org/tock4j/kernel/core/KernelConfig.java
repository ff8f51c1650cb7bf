package org.tock4j.kernel.core;

import java.util.function.Consumer;

/**
 * The kernel's build-time configuration in Tock, chosen per board here.
 *
 * <p>Tock counterpart: {@code kernel::config::Config} ({@code trace_syscalls}, {@code debug_load_processes}).
 *
 * @param traceSyscalls print every system call in Tock's {@code trace_syscalls} format
 * @param debug where kernel debug lines ({@code debug!}) go
 */
public record KernelConfig(boolean traceSyscalls, Consumer<String> debug) {

    /** Tracing off; debug lines dropped. */
    public static KernelConfig defaults() {
        return new KernelConfig(false, line -> {});
    }

    public KernelConfig withTraceSyscalls(boolean trace) {
        return new KernelConfig(trace, debug);
    }

    public KernelConfig withDebug(Consumer<String> sink) {
        return new KernelConfig(traceSyscalls, sink);
    }
}
