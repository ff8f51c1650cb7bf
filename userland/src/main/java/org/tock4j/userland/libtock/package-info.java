/**
 * libtock for tock4j apps: drivers, a heap and return-code handling over the raw TRD104 system calls.
 *
 * <pre>{@code
 * public final class Blink implements App {
 *     public String name() { return "blink"; }
 *     public void main(Syscalls sys) {
 *         Libtock tock = new Libtock(sys);
 *         int n = tock.leds().count();                         // command(2, 0)
 *         for (int count = 0; ; count++) {
 *             for (int i = 0; i < n; i++) {
 *                 if ((count & (1 << i)) != 0) tock.leds().on(i); else tock.leds().off(i);
 *             }
 *             tock.alarm().delayMs(250);                       // command(0, 5, ticks), yield(2, 0, 0)
 *         }
 *     }
 * }
 * }</pre>
 *
 * <pre>
 *   Libtock ── Console       (driver 1)       ──┐
 *           ── Alarm         (driver 0)         │
 *           ── Leds          (driver 2)         │
 *           ── Buttons       (driver 3)         ├── SyscallReturns ── Registers ──► TockException(ReturnCode)
 *           ── Gpio          (driver 4)         │
 *           ── LowLevelDebug (driver 8)         │
 *           ── Rng           (driver 0x40001)   │
 *           ── Temperature   (driver 0x60000) ──┘
 *           ── Yield   (class 0)
 *           ── Heap ── Memop (class 5: sbrk, memory layout)
 * </pre>
 *
 * <p>Failures are {@link org.tock4j.userland.libtock.TockException}s carrying a
 * {@link org.tock4j.userland.libtock.ReturnCode}; argument mistakes are {@code IllegalArgumentException}s.
 * These classes keep no locks: each process runs alone on its own thread, and upcalls run on that thread inside
 * a yield. Counterparts: libtock-c's {@code libtock} and {@code libtock-sync}, libtock-rs's {@code apis}.
 */
package org.tock4j.userland.libtock;
