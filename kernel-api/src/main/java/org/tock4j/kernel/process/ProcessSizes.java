package org.tock4j.kernel.process;

/**
 * Sizes of the kernel's per-process structures in the grant region.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessSizes}.
 */
public record ProcessSizes(int grantPointers, int upcallList, int processControlBlock) {}
