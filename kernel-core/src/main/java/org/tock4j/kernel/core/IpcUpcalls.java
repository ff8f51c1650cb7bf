package org.tock4j.kernel.core;

import org.tock4j.kernel.ipc.IpcUpcallType;
import org.tock4j.kernel.process.ProcessId;

/**
 * Where the kernel loop sends IPC tasks it dequeues. The kernel's IPC driver ({@code core.ipc.Ipc}, component
 * {@code "ipc"}) implements it, and the board kit registers it with {@link Kernel#setIpc}.
 *
 * <p>Tock counterpart: {@code IPC::schedule_upcall}, which {@code do_process} calls for {@code Task::IPC}.
 */
@FunctionalInterface
public interface IpcUpcalls {
    void scheduleUpcall(ProcessId to, ProcessId from, IpcUpcallType type);
}
