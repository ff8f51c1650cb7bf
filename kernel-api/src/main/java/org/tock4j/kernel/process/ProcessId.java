package org.tock4j.kernel.process;

import java.util.Optional;

import org.tock4j.kernel.capabilities.ExternalProcessCapability;

/**
 * Names a process: the slot it occupies in the kernel's process table and an identifier unique for the life of
 * the board. A restart gives the process a new identifier, so an old {@code ProcessId} stops resolving.
 *
 * <p>Two ids are equal when their identifiers are, as in Tock.
 *
 * <p>Tock counterpart: {@code kernel::process::ProcessId}.
 */
public final class ProcessId {
    private final ProcessTable kernel;
    private final int index;
    private final int identifier;

    private ProcessId(ProcessTable kernel, int index, int identifier) {
        this.kernel = kernel;
        this.index = index;
        this.identifier = identifier;
    }

    /** Creates an id; only holders of {@link ExternalProcessCapability} (the kernel, process loaders) may. */
    public static ProcessId newExternal(
            ProcessTable kernel, int identifier, int index, ExternalProcessCapability capability) {
        if (capability == null) {
            throw new IllegalArgumentException("a ProcessId needs an ExternalProcessCapability");
        }
        return new ProcessId(kernel, index, identifier);
    }

    /** The table this id belongs to. */
    public ProcessTable kernel() {
        return kernel;
    }

    /** The slot in the process table, if this id still names the process there. */
    public Optional<Integer> index() {
        return kernel.processidIsValid(this) ? Optional.of(index) : Optional.empty();
    }

    /** The slot in the process table, without checking the process still lives there. */
    public int rawIndex() {
        return index;
    }

    /** The unique identifier. */
    public int id() {
        return identifier;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessId other && other.identifier == identifier && other.kernel == kernel;
    }

    @Override
    public int hashCode() {
        return identifier;
    }

    /** Tock prints a {@code ProcessId} as its identifier. */
    @Override
    public String toString() {
        return Integer.toString(identifier);
    }
}
