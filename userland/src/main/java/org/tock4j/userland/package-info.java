/**
 * What an application sees: the {@link org.tock4j.userland.App} SPI, raw TRD104
 * {@link org.tock4j.userland.Syscalls}, and its own {@link org.tock4j.userland.Memory}.
 *
 * <pre>
 *   App.main(sys) ── sys.command / allow / subscribe / yield / memop / exit ──► kernel
 *                ◄── Registers(r0..r3)
 *   yield ──► an Upcall runs, then yield returns
 * </pre>
 */
package org.tock4j.userland;
