package org.tock4j.kernel.hil.uart;

/**
 * A UART's data path without configuration (what a virtualized UART device offers).
 *
 * <p>Tock counterpart: {@code hil::uart::UartData}.
 */
public interface UartData extends Transmit, Receive {}
