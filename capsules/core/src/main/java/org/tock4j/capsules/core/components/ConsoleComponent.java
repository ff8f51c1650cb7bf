package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.console.Console;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartDevice;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "console"} capsule on the board's {@link MuxUart}: its own receiving {@link UartDevice},
 * {@value Console#DEFAULT_BUF_SIZE}-byte kernel write and read buffers, and a grant with three upcalls, two
 * read-only and two read-write allows.
 *
 * <p>Tock counterpart: {@code components::console::ConsoleComponent}.
 */
public final class ConsoleComponent implements CapsuleComponent {
    static final HilDependency<MuxUart> UART_MUX = HilDependency.of(MuxUart.class);

    @Override
    public String name() {
        return "console";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.CONSOLE;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(UART_MUX);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        UartDevice consoleUart = new UartDevice(context.hil(UART_MUX), true);
        consoleUart.setup();
        Console console = new Console(consoleUart,
                new byte[Console.DEFAULT_BUF_SIZE],
                new byte[Console.DEFAULT_BUF_SIZE],
                context.createGrant(Console.GRANT_TYPE, Console.UPCALLS, Console.ALLOW_RO, Console.ALLOW_RW));
        consoleUart.setTransmitClient(console);
        consoleUart.setReceiveClient(console);
        return console;
    }
}
