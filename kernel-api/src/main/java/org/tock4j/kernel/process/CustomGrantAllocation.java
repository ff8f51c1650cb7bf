package org.tock4j.kernel.process;

/**
 * A custom grant just carved from a process's grant region: the handle to find it again and its address.
 *
 * <p>Tock counterpart: the {@code (ProcessCustomGrantIdentifier, NonNull<u8>)} that
 * {@code Process::allocate_custom_grant} returns.
 */
public record CustomGrantAllocation(ProcessCustomGrantIdentifier identifier, int address) {}
