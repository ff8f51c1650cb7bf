package org.tock4j.kernel.process;

import org.tock4j.kernel.upcall.UpcallId;

/**
 * Whether a function call comes from the kernel itself (the entry point) or from a driver's upcall.
 *
 * <p>Tock counterpart: {@code kernel::process::FunctionCallSource}.
 */
public sealed interface FunctionCallSource {

    FunctionCallSource KERNEL = new Kernel();

    /** A call the kernel makes itself, such as the application's entry point. */
    record Kernel() implements FunctionCallSource {}

    /** An upcall a driver scheduled. */
    record Driver(UpcallId upcallId) implements FunctionCallSource {}
}
