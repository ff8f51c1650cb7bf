package org.tock4j.kernel.process;

/**
 * What the kernel does with a process that faulted, as its fault policy decides.
 *
 * <p>Tock counterpart: {@code kernel::process::FaultAction}.
 */
public enum FaultAction {
    /** Halt the board with a panic report. */
    Panic,
    /** Restart the process. */
    Restart,
    /** Leave the process in the faulted state. */
    Stop
}
