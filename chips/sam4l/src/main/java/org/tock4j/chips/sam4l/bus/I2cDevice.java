package org.tock4j.chips.sam4l.bus;

/**
 * A device on an emulated I2C bus, as the master sees it: it acknowledges its address, takes the bytes the
 * master writes and supplies the bytes the master reads. Every call happens at the virtual time the
 * corresponding bus event completes (the address byte's ACK bit, a data byte's ACK bit, the STOP).
 *
 * <pre>{@code
 * I2cDevice register = new I2cDevice() {
 *     private int pointer;
 *     public boolean write(byte value) { pointer = value & 0xFF; return true; }
 *     public byte read() { return (byte) pointer++; }
 * };
 * chip.i2cBus(2).attach(0x40, register);
 * }</pre>
 *
 * <p>Tock counterpart: none; the sensor chip on the board.
 */
public interface I2cDevice {

    /**
     * A START (or repeated START) addressed to this device; {@code read} is the R/W bit. Returns whether the
     * device acknowledges its address (false makes the master see an address NAK).
     */
    default boolean start(boolean read) {
        return true;
    }

    /** A byte the master wrote; returns whether the device acknowledges it (false: a data NAK). */
    boolean write(byte value);

    /** The next byte the master reads from the device. */
    byte read();

    /** A STOP condition ended the transfer. */
    default void stop() {}
}
