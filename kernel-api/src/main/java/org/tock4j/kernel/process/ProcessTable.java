package org.tock4j.kernel.process;

import java.util.Optional;

import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The kernel's table of processes, as far as a {@link ProcessId} needs it to find its process again.
 *
 * <p>Tock counterpart: the {@code kernel: &'static Kernel} a {@code ProcessId} carries, and its
 * {@code get_process}/{@code process_map_or}.
 */
public interface ProcessTable {

    /**
     * The process {@code processId} names, if it still exists under that identifier. A restarted process gets a
     * new identifier, so identifiers of its earlier life no longer resolve.
     */
    Optional<Process> getProcess(ProcessId processId);

    /** Whether {@code processId} still names a live slot of this table. */
    default boolean processidIsValid(ProcessId processId) {
        return getProcess(processId).isPresent();
    }

    /** The physical memory the table's processes live in; process buffers read and write through it. */
    PhysicalMemory memory();
}
