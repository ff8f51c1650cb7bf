package org.tock4j.kernel.process;

import org.tock4j.kernel.ipc.IpcUpcallType;

/**
 * Work queued for a process.
 *
 * <p>Tock counterpart: {@code kernel::process::Task}.
 */
public sealed interface Task {

    /** A function in the process to run; usually an upcall a capsule scheduled. */
    record FunctionCallTask(FunctionCall functionCall) implements Task {}

    /** Values to hand back to a process without running a function (a null upcall, or yield-wait-for). */
    record ReturnValue(ReturnArguments arguments) implements Task {}

    /** An IPC notification that needs memory set up before it can run. */
    record Ipc(ProcessId otherApp, IpcUpcallType type) implements Task {}
}
