package org.tock4j.capsules.core.testing;

import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessTable;

/** A process table whose processes are Mockito mocks; tests spawn and kill them by hand. */
public final class FakeProcessTable implements ProcessTable {
    private final Map<ProcessId, Process> live = new HashMap<>();
    private final FakeMemory memory;
    private int nextIdentifier;
    private int nextIndex;

    public FakeProcessTable(FakeMemory memory) {
        this.memory = memory;
    }

    /** A new live process in the next slot. */
    public ProcessId spawn() {
        ProcessId id = ProcessId.newExternal(this, nextIdentifier++, nextIndex++, Capability.externalProcess());
        live.put(id, mock(Process.class));
        return id;
    }

    /** The process ends; its id stops resolving. */
    public void kill(ProcessId id) {
        live.remove(id);
    }

    @Override
    public Optional<Process> getProcess(ProcessId processId) {
        return Optional.ofNullable(live.get(processId));
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    public FakeMemory fakeMemory() {
        return memory;
    }
}
