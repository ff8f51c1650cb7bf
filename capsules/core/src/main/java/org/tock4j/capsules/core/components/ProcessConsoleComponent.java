package org.tock4j.capsules.core.components;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Optional;

import org.tock4j.capsules.core.processconsole.ProcessConsole;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartDevice;
import org.tock4j.capsules.core.virtualizers.VirtualMuxAlarm;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "process_console"} capsule on the board's {@link MuxUart} and {@link MuxAlarm}: its own
 * receiving {@link UartDevice} and {@link VirtualMuxAlarm}, Tock's buffer sizes, a
 * {@value ProcessConsole#DEFAULT_COMMAND_HISTORY_LEN}-entry command history, and the kernel's processes; then
 * starts it, so its prompt appears 100 ms after boot.
 *
 * <p>The console stops, starts, faults, terminates and boots processes, so the board must trust it: its
 * context must carry both {@code ProcessManagementCapability} and {@code ProcessStartCapability} (with
 * boards/kit: {@code BoardPlan.Builder.trustedCapsule("process_console", 0x1FFFF)}, or {@code trusted: true} in a
 * board file), or {@link #create} fails.
 *
 * <p>Driver number {@value #DRIVER_NUMBER}: Tock boards do not register the process console as a system call
 * driver, but a component runs at a driver number, so it takes the last number of Tock's kernel range
 * ({@code 0x10000} IPC ...), which Tock assigns to nothing. There processes find only command 0
 * ({@code Success}); every other command answers {@code Failure(NOSUPPORT)}.
 *
 * <p>Tock counterpart: {@code components::process_console::ProcessConsoleComponent}, with the board's
 * {@code process_console.start()}.
 */
public final class ProcessConsoleComponent implements CapsuleComponent {

    /** Where the console's inert system call driver sits: 0x1FFFF, a number Tock never assigns. */
    public static final int DRIVER_NUMBER = 0x1_FFFF;

    static final HilDependency<MuxUart> UART_MUX = HilDependency.of(MuxUart.class);
    static final HilDependency<MuxAlarm> ALARM_MUX = HilDependency.of(MuxAlarm.class);

    @Override
    public String name() {
        return "process_console";
    }

    @Override
    public int defaultDriverNumber() {
        return DRIVER_NUMBER;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(UART_MUX, ALARM_MUX);
    }

    /** @throws IllegalStateException if the board does not trust the component with managing processes */
    @Override
    public SyscallDriver create(ComponentContext context) {
        ProcessManagementCapability management = context.processManagementCapability()
                .orElseThrow(() -> untrusted("ProcessManagementCapability"));
        ProcessStartCapability start = context.processStartCapability()
                .orElseThrow(() -> untrusted("ProcessStartCapability"));

        UartDevice consoleUart = new UartDevice(context.hil(UART_MUX), true);
        consoleUart.setup();
        VirtualMuxAlarm consoleAlarm = new VirtualMuxAlarm(context.hil(ALARM_MUX));
        consoleAlarm.setup();

        ProcessConsole console = new ProcessConsole(consoleUart, consoleAlarm, context.processes(), management,
                start,
                new byte[ProcessConsole.WRITE_BUF_LEN],
                new byte[ProcessConsole.READ_BUF_LEN],
                new byte[ProcessConsole.QUEUE_BUF_LEN],
                new byte[ProcessConsole.COMMAND_BUF_LEN],
                ProcessConsole.DEFAULT_COMMAND_HISTORY_LEN,
                build());
        consoleUart.setTransmitClient(console);
        consoleUart.setReceiveClient(console);
        consoleAlarm.setAlarmClient(console);
        console.start();
        return console;
    }

    private IllegalStateException untrusted(String missing) {
        return new IllegalStateException("capsule '" + name() + "' manages processes, but the board does not trust"
                + " it: its context has no " + missing + ". Register it as a trusted capsule (boards/kit: "
                + "BoardPlan.Builder.trustedCapsule(\"" + name() + "\", driverNumber), or 'trusted: true' in a"
                + " board file) so it receives the ProcessManagementCapability and the ProcessStartCapability.");
    }

    /** The build {@code kernel} prints: this module's version, or {@code unknown} as Tock prints without one. */
    private static String build() {
        return Optional.ofNullable(ProcessConsole.class.getModule().getDescriptor())
                .flatMap(ModuleDescriptor::rawVersion)
                .map(version -> "tock4j " + version)
                .orElse("unknown");
    }
}
