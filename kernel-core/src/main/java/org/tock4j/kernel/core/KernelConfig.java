package org.tock4j.kernel.core;

import java.util.function.Consumer;

/**
 * The kernel's build-time configuration in Tock, chosen per board here.
 *
 * <p>Tock counterpart: {@code kernel::config::Config} ({@code trace_syscalls}, {@code debug_load_processes}).
 *
 * @param traceSyscalls print every system call in Tock's {@code trace_syscalls} format
 * @param debug where kernel debug lines ({@code debug!}) go
 * @param observer told of every system call and upcall, for tools (a structured {@code trace_syscalls})
 */
public record KernelConfig(boolean traceSyscalls, Consumer<String> debug, SyscallObserver observer) {

    public KernelConfig(boolean traceSyscalls, Consumer<String> debug) {
        this(traceSyscalls, debug, SyscallObserver.NONE);
    }

    /** Tracing off; debug lines dropped. */
    public static KernelConfig defaults() {
        return new KernelConfig(false, line -> {}, SyscallObserver.NONE);
    }

    public KernelConfig withTraceSyscalls(boolean trace) {
        return new KernelConfig(trace, debug, observer);
    }

    public KernelConfig withDebug(Consumer<String> sink) {
        return new KernelConfig(traceSyscalls, sink, observer);
    }

    public KernelConfig withObserver(SyscallObserver newObserver) {
        return new KernelConfig(traceSyscalls, debug, newObserver);
    }
}
