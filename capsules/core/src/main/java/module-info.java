import org.tock4j.capsules.core.components.AlarmComponent;
import org.tock4j.capsules.core.components.ConsoleComponent;
import org.tock4j.capsules.core.components.LedComponent;

/**
 * Tock's core capsules: the alarm, console and LED system call drivers, their components, and the alarm and
 * UART virtualizers boards build them on.
 *
 * <pre>
 *   board ── MuxAlarm(hardware alarm) ──► AlarmComponent ── VirtualMuxAlarm ──► AlarmDriver   (0x0)
 *         ── MuxUart(uart, baud, calls) ► ConsoleComponent ── UartDevice ────► Console       (0x1)
 *         ── Led, Led, ... ────────────► LedComponent ──────────────────────► LedDriver     (0x2)
 * </pre>
 *
 * <p>Only the virtualizers are exported: a board builds the muxes and binds them; the capsules are reached
 * through their {@link org.tock4j.kernel.component.CapsuleComponent components}.
 */
module org.tock4j.capsules.core {
    requires transitive org.tock4j.kernel.api;

    exports org.tock4j.capsules.core.virtualizers;

    provides org.tock4j.kernel.component.CapsuleComponent with
            AlarmComponent,
            ConsoleComponent,
            LedComponent;
}
