/**
 * Internal: where capabilities are issued. Exported only to the kernel and the board kit.
 *
 * <pre>{@code
 * MainLoopCapability cap = Capability.mainLoop();
 * }</pre>
 */
package org.tock4j.kernel.capabilities.issue;
