/**
 * In-kernel debug output: the kernel's and capsules' {@code debug!} lines, queued in a ring buffer and sent
 * on a UART the board names (in Tock's boards, a device on the console's UART mux).
 *
 * <pre>
 *   debug!("...")  ──► DebugWriter ──► ring buffer (1984 B) ──► 64-byte output buffer ──► UartDevice ──► MuxUart
 *                        ▲                                                                 │
 *                        └────────────────── transmittedBuffer: send the next 64 bytes ◄──┘
 * </pre>
 *
 * <p>A writer that cannot keep up drops what does not fit and says so with {@code *** DEBUG BUFFER FULL ***}.
 *
 * <p>Tock counterpart: {@code kernel::debug}.
 */
package org.tock4j.kernel.debug;
