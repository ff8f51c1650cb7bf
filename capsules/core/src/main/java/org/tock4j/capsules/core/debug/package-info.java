/**
 * The kernel's debug output on a board's console UART: one more device on the UART mux, beside the console
 * and the process console.
 *
 * <pre>
 *   UART ── MuxUart ─┬─ console (0x1)
 *                    ├─ process console
 *                    └─ DebugWriter ◄── kernel debug lines (trace_syscalls, debug!)
 * </pre>
 *
 * <p>Tock counterpart: {@code components::debug_writer}.
 */
package org.tock4j.capsules.core.debug;
