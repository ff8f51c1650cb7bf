package org.tock4j.kernel.platform;

import org.tock4j.kernel.process.Process;

/**
 * A board's chance to handle a process fault before the process's fault policy does.
 *
 * <p>Tock counterpart: {@code kernel::platform::platform::ProcessFault}, whose {@code Result<(), ()>} is a
 * boolean here; {@link #NONE} is Tock's {@code ()}, which never handles the fault.
 */
@FunctionalInterface
public interface ProcessFault {

    /** True if the board handled the fault; false lets the process's fault policy act. */
    boolean processFaultHook(Process process);

    ProcessFault NONE = process -> false;
}
