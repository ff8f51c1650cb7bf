import org.tock4j.capsules.core.components.AlarmComponent;
import org.tock4j.capsules.core.components.ButtonComponent;
import org.tock4j.capsules.core.components.ConsoleComponent;
import org.tock4j.capsules.core.components.GpioComponent;
import org.tock4j.capsules.core.components.LedComponent;
import org.tock4j.capsules.core.components.LowLevelDebugComponent;
import org.tock4j.capsules.core.components.ProcessConsoleComponent;
import org.tock4j.capsules.core.components.RngComponent;
import org.tock4j.capsules.core.components.TemperatureComponent;

/**
 * Tock's core capsules: alarm, console, LED, button, GPIO, low-level debug, RNG and temperature system call
 * drivers, the process console, their components, and the alarm and UART virtualizers boards build them on.
 *
 * <pre>
 *   board ── MuxAlarm(hardware alarm) ──► AlarmComponent ── VirtualMuxAlarm ──► AlarmDriver        (0x0)
 *         ── MuxUart(uart, baud, calls) ► ConsoleComponent ── UartDevice ────► Console            (0x1)
 *         ── Led, Led, ... ────────────► LedComponent ──────────────────────► LedDriver          (0x2)
 *         ── ButtonPin, ButtonPin, ... ► ButtonComponent ───────────────────► Button             (0x3)
 *         ── GpioPins ─────────────────► GpioComponent ─────────────────────► Gpio               (0x4)
 *         ── MuxUart ──────────────────► LowLevelDebugComponent ─ UartDevice ► LowLevelDebug      (0x8)
 *         ── Rng ──────────────────────► RngComponent ──────────────────────► RngDriver          (0x40001)
 *         ── TemperatureDriver ────────► TemperatureComponent ──────────────► TemperatureSensor  (0x60000)
 *         ── MuxUart, MuxAlarm ────────► ProcessConsoleComponent ─ UartDevice,
 *                                          VirtualMuxAlarm ─────────────────► ProcessConsole     (0x1FFFF, trusted)
 *   board ── I2cMaster, VirtualMuxAlarm ► Si7021 (a TemperatureDriver the board binds for "temperature")
 * </pre>
 *
 * <p>Exported: the virtualizers (a board builds the muxes and binds them), the button and GPIO packages
 * (a board binds {@code List<ButtonPin>} and one {@code GpioPins}) and the Si7021 sensor driver (a board
 * builds it on its I2C controller and binds it as the {@code TemperatureDriver}). The other capsules are
 * reached through their {@link org.tock4j.kernel.component.CapsuleComponent components}.
 */
module org.tock4j.capsules.core {
    requires transitive org.tock4j.kernel.api;

    exports org.tock4j.capsules.core.button;
    exports org.tock4j.capsules.core.debug;
    exports org.tock4j.capsules.core.gpio;
    exports org.tock4j.capsules.core.si7021;
    exports org.tock4j.capsules.core.virtualizers;

    provides org.tock4j.kernel.component.CapsuleComponent with
            AlarmComponent,
            ConsoleComponent,
            LedComponent,
            ButtonComponent,
            GpioComponent,
            LowLevelDebugComponent,
            RngComponent,
            TemperatureComponent,
            ProcessConsoleComponent;
}
