package org.tock4j.chips.emulator.world;

/** A byte a UART sent, with the virtual time its stop bit ended. Tock counterpart: none. */
public record TransmittedByte(long timeNs, byte value) {

    @Override
    public String toString() {
        return String.format("0x%02X@%dns", value & 0xFF, timeNs);
    }
}
