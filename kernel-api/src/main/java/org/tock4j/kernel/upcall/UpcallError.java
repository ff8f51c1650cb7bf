package org.tock4j.kernel.upcall;

/**
 * Why scheduling an upcall failed.
 *
 * <p>Tock counterpart: {@code kernel::upcall::UpcallError}.
 */
public enum UpcallError {
    /** The subscribe number is not below the grant's upcall count. */
    InvalidSubscribeNum,
    /** The process's task queue is full; the upcall was dropped. */
    QueueFull,
    /** The kernel could not schedule the upcall (for example the process is not alive). */
    KernelError
}
