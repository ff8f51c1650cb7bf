/**
 * Inter-process communication values shared by the kernel and the process SPI.
 *
 * <pre>{@code
 * Task task = new Task.Ipc(otherApp, IpcUpcallType.Service);
 * }</pre>
 */
package org.tock4j.kernel.ipc;
