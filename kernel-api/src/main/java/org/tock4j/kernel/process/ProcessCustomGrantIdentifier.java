package org.tock4j.kernel.process;

/**
 * Opaque handle of a custom grant allocation, as the process implementation understands it.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessCustomGrantIdentifier} (an offset from the end of the
 * process's memory).
 */
public record ProcessCustomGrantIdentifier(int offset) {}
