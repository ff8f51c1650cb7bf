/**
 * Processes as the kernel sees them: ids, states, tasks and the {@link org.tock4j.kernel.process.Process} SPI.
 *
 * <pre>
 *   ProcessId ──(ProcessTable)──► Process ── getState() : Running | Yielded | YieldedFor | Stopped | Faulted | Terminated
 *                                         ── enqueueTask(Task) : FunctionCallTask | ReturnValue | Ipc
 * </pre>
 */
package org.tock4j.kernel.process;
