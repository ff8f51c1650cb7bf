/**
 * Internal: the memop system call.
 *
 * <pre>{@code
 * SyscallReturn r = Memop.memop(process, 1, 256);   // sbrk(256)
 * }</pre>
 */
package org.tock4j.kernel.core.memop;
