package org.tock4j.kernel.hil.uart;

/**
 * What went wrong during a UART transfer.
 *
 * <p>Tock counterpart: {@code hil::uart::Error}.
 */
public enum UartError {
    None,
    ParityError,
    FramingError,
    OverrunError,
    RepeatCallError,
    ResetError,
    BreakError,
    Aborted
}
