package org.tock4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One transaction an {@link I2cDeviceDouble} took part in: from the START (or repeated START) that addressed
 * it to the STOP or repeated START that ended it, with the bytes that crossed the bus and how it ended.
 *
 * <pre>{@code
 * I2cTransaction t = si7021.transactions().get(0);
 * t.direction();     // WRITE
 * t.written();       // [0xF3]: "measure temperature, no hold master"
 * t.outcome();       // ACK
 * }</pre>
 *
 * <p>Tock counterpart: none (what a logic analyser on SDA and SCL would show).
 *
 * @param startNs the virtual time the address was acknowledged (or not)
 * @param endNs the virtual time of the STOP or repeated START that ended it; -1 while it is still open
 * @param address the 7-bit address
 * @param direction read or write, as the address byte said
 * @param written the bytes the controller wrote (unsigned), including one the device NACKed
 * @param read the bytes the device sent (unsigned)
 * @param outcome whether the address and every byte written were acknowledged
 */
public record I2cTransaction(long startNs, long endNs, int address, Direction direction, List<Integer> written,
        List<Integer> read, Outcome outcome) {

    /** The direction the address byte's R/W bit gave. */
    public enum Direction { WRITE, READ }

    /** How a transaction ended on the device's side. */
    public enum Outcome {
        /** The address and every byte written were acknowledged. */
        ACK,
        /** The device did not acknowledge its address: nothing else was transferred. */
        ADDRESS_NACK,
        /** The device did not acknowledge the last byte written. */
        DATA_NACK
    }

    public I2cTransaction {
        written = List.copyOf(written);
        read = List.copyOf(read);
    }

    /** Whether the transaction has ended (a STOP or a repeated START came). */
    public boolean isEnded() {
        return endNs >= 0;
    }

    @Override
    public String toString() {
        String bytes = (direction == Direction.WRITE ? written : read).stream()
                .map(b -> String.format("%02X", b)).collect(Collectors.joining(" "));
        return String.format("[%s] 0x%02X %s %s(%s)", Duration.ofNanos(startNs), address,
                direction.name().toLowerCase(), bytes.isEmpty() ? "" : bytes + " ", outcome);
    }
}
