package org.tock4j.kernel.capabilities;

import org.tock4j.kernel.capabilities.issue.Capability;

/**
 * Permission to build process ids and process buffers outside the kernel (process implementations, loaders).
 *
 * <p>Only board code can obtain one: the single implementation lives in a package exported to the kernel and
 * the board kit alone.
 *
 * <p>Tock counterpart: {@code kernel::capabilities::ExternalProcessCapability}.
 */
public sealed interface ExternalProcessCapability permits Capability {}
