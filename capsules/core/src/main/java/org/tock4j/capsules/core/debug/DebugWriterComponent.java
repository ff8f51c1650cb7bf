package org.tock4j.capsules.core.debug;

import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartDevice;
import org.tock4j.kernel.debug.DebugWriter;

/**
 * Builds the kernel's debug writer on a board's {@link MuxUart}: its own transmit-only {@link UartDevice},
 * and Tock's default 2 KiB split into a 64-byte output buffer and a 1984-byte ring. Boards build it after
 * their console, as Tock's boards do, so both share the UART.
 *
 * <p>Tock counterpart: {@code components::debug_writer::DebugWriterComponent}.
 */
public final class DebugWriterComponent {

    /** {@code DEFAULT_DEBUG_BUFFER_KBYTE}: the whole buffer. */
    public static final int BUFFER_BYTES = 2 * 1024;
    /** {@code DEBUG_BUFFER_SPLIT}: the part lent to the UART. */
    public static final int OUTPUT_BYTES = 64;

    private DebugWriterComponent() {}

    public static DebugWriter finalize(MuxUart uartMux) {
        UartDevice debuggerUart = new UartDevice(uartMux, false);
        debuggerUart.setup();
        DebugWriter debugger = new DebugWriter(debuggerUart, new byte[OUTPUT_BYTES], BUFFER_BYTES - OUTPUT_BYTES);
        debuggerUart.setTransmitClient(debugger);
        return debugger;
    }
}
