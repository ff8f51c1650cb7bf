/**
 * Inter-process communication (driver {@code 0x10000}): discovery by package name, service and client
 * notifications, and buffers shared between processes. Internal: boards reach it through its component
 * {@code "ipc"}, and the kernel loop through {@link org.tock4j.kernel.core.IpcUpcalls}.
 *
 * <pre>{@code
 * BoardPlan.builder("myboard", "nRF52840")
 *         .trustedCapsule("ipc", DriverNumber.IPC)   // IpcComponent, found with ServiceLoader
 *         ...
 * }</pre>
 */
package org.tock4j.kernel.core.ipc;
