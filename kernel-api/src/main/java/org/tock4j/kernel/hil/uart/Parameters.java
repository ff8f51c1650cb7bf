package org.tock4j.kernel.hil.uart;

/**
 * UART line parameters.
 *
 * <p>Tock counterpart: {@code hil::uart::Parameters}.
 */
public record Parameters(int baudRate, Width width, Parity parity, StopBits stopBits, boolean hwFlowControl) {

    /** 115200 8N1 without flow control, the console default of Tock boards. */
    public static Parameters console115200() {
        return new Parameters(115_200, Width.Eight, Parity.None, StopBits.One, false);
    }
}
