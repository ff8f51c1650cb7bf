package org.tock4j.kernel.hil.uart;

/**
 * A full UART: configure, transmit, receive.
 *
 * <p>Tock counterpart: {@code hil::uart::Uart}.
 */
public interface Uart extends Configure, Transmit, Receive {}
