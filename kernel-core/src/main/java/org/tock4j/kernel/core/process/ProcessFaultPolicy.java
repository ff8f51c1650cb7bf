package org.tock4j.kernel.core.process;

import org.tock4j.kernel.process.FaultAction;
import org.tock4j.kernel.process.Process;

/**
 * Decides what happens to a process that faulted.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessFaultPolicy}.
 */
@FunctionalInterface
public interface ProcessFaultPolicy {
    FaultAction action(Process process);
}
