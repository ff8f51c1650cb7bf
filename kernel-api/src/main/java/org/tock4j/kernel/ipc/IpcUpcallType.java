package org.tock4j.kernel.ipc;

/**
 * Whether an IPC notification goes to a service or to a client.
 *
 * <p>Tock counterpart: {@code kernel::ipc::IPCUpcallType}.
 */
public enum IpcUpcallType {
    /** Notifies a service that a client wants its attention. */
    Service,
    /** Notifies a client that a service answered. */
    Client
}
