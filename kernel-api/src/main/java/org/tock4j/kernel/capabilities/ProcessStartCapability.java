package org.tock4j.kernel.capabilities;

import org.tock4j.kernel.capabilities.issue.Capability;

/**
 * Permission to start a process.
 *
 * <p>Only board code can obtain one: the single implementation lives in a package exported to the kernel and
 * the board kit alone.
 *
 * <p>Tock counterpart: {@code kernel::capabilities::ProcessStartCapability}.
 */
public sealed interface ProcessStartCapability permits Capability {}
