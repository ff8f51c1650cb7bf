/**
 * The system call ABI of TRD104: decoded calls, return values and their register encoding, and the
 * {@link org.tock4j.kernel.syscall.SyscallDriver} interface capsules implement.
 *
 * <pre>
 *  app ── svc(class, r0..r3) ──► Syscall ──► Kernel.handleSyscall ──► SyscallDriver.command
 *  app ◄── r0..r3 ◄── SyscallReturn.encodeTrd104 ◄──────────────────── CommandReturn
 * </pre>
 */
package org.tock4j.kernel.syscall;
