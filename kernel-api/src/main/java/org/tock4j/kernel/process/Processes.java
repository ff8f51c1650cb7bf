package org.tock4j.kernel.process;

import java.util.List;

import org.tock4j.kernel.capabilities.ProcessManagementCapability;

/**
 * The kernel's processes, for code the board trusts with managing them (the process console, IPC).
 *
 * <pre>{@code
 * for (Process p : processes.processEachCapability(capability)) {
 *     if (p.getProcessName().equals(name)) p.stop();
 * }
 * }</pre>
 *
 * <p>Tock counterpart: {@code Kernel::process_each_capability}, {@code process_map_or_external} and
 * {@code get_grant_count_and_finalize} as a capsule holding the kernel and a capability uses them.
 */
public interface Processes extends ProcessTable {

    /** Every loaded process, in slot order. */
    List<Process> processEachCapability(ProcessManagementCapability capability);

    /** The number of grants the kernel has (fixed once processes exist). */
    int getGrantCountAndFinalize();
}
