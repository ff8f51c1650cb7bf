package org.tock4j.capsules.core.virtualizers;

/** A transmission a {@link UartDevice} has queued on its mux. Tock counterpart: {@code virtual_uart::Operation}. */
sealed interface Operation {

    /** Send the first {@code len} bytes of the device's transmit buffer. */
    record Transmit(int len) implements Operation {}

    /** Send one word. */
    record TransmitWord(int word) implements Operation {}
}
