package org.tock4j.capsules.core.virtualizers;

import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.uart.Uart;

/**
 * Puts a {@link MuxUart} on a board's UART: the mux registers its deferred call, configures the UART at
 * {@code baudRate}, and becomes the UART's transmit and receive client. Devices (the console, the process
 * console, the debug writer) are added to it afterwards.
 *
 * <p>Tock counterpart: {@code components::console::UartMuxComponent}.
 */
public final class UartMuxComponent {

    private UartMuxComponent() {}

    public static MuxUart finalize(Uart uart, int baudRate, DeferredCalls deferredCalls) {
        MuxUart mux = new MuxUart(uart, baudRate, deferredCalls);
        mux.register();
        mux.initialize();
        uart.setTransmitClient(mux);
        uart.setReceiveClient(mux);
        return mux;
    }
}
