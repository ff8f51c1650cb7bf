package org.tock4j.kernel.core.runtime;

/**
 * Unwinds a process's thread after the kernel ended that process (exit, fault, restart). An {@link Error} so
 * that ordinary app code does not catch it; if an app does, its next system call or memory access throws it
 * again.
 */
final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    ProcessKilled() {
        super("process ended by the kernel", null, false, false);
    }
}
