package org.tock4j.kernel.process;

import org.tock4j.kernel.upcall.UpcallId;

/**
 * The values of an upcall that has no function to call: they can only be returned to userspace.
 *
 * <p>Tock counterpart: {@code kernel::process::ReturnArguments}.
 */
public record ReturnArguments(UpcallId upcallId, int argument0, int argument1, int argument2) {}
