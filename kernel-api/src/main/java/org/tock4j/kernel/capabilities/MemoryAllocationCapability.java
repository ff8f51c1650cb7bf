package org.tock4j.kernel.capabilities;

import org.tock4j.kernel.capabilities.issue.Capability;

/**
 * Permission to create grants.
 *
 * <p>Only board code can obtain one: the single implementation lives in a package exported to the kernel and
 * the board kit alone.
 *
 * <p>Tock counterpart: {@code kernel::capabilities::MemoryAllocationCapability}.
 */
public sealed interface MemoryAllocationCapability permits Capability {}
