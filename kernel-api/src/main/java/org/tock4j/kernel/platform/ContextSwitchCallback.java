package org.tock4j.kernel.platform;

import org.tock4j.kernel.process.Process;

/**
 * Called just before the kernel switches to a process.
 *
 * <p>Tock counterpart: {@code kernel::platform::platform::ContextSwitchCallback}.
 */
@FunctionalInterface
public interface ContextSwitchCallback {

    void contextSwitchHook(Process process);

    ContextSwitchCallback NONE = process -> {};
}
