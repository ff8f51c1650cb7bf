package org.tock4j.chips.emulator.world;

/**
 * A device on an I2C bus, seen byte by byte as the controller clocks it: it answers its 7-bit address,
 * acknowledges (or not) each byte written to it, and supplies each byte read from it.
 *
 * <pre>{@code
 * // a sensor with one 16-bit register at 0x00
 * chip.i2cBus(0).attach(new I2cDevice() {
 *     private final byte[] value = {0x12, 0x34};
 *     private int next;
 *     public int address() { return 0x48; }
 *     public boolean write(byte b) { next = 0; return true; }
 *     public byte read() { return value[next++ % 2]; }
 * });
 * }</pre>
 *
 * <p>Calls come on the board's thread, at the virtual time the byte's acknowledge bit is clocked. A device
 * that needs time before it can send (a sensor converting in "hold master" mode) stretches the clock with
 * {@link #readStretchNs()}; one that cannot answer at all NACKs its address in {@link #start(boolean)}.
 *
 * <p>Tock counterpart: none; a physical I2C target.
 */
public interface I2cDevice {

    /** The device's 7-bit address. */
    int address();

    /**
     * A START (or repeated START) addressed to this device; {@code read} tells the direction. Returns whether
     * the device acknowledges its address; {@code false} makes the controller see an address NACK.
     */
    default boolean start(boolean read) {
        return true;
    }

    /** A byte the controller wrote; returns whether the device acknowledges it ({@code false}: a data NACK). */
    boolean write(byte value);

    /** The next byte the device sends to the controller. */
    byte read();

    /**
     * Clock stretching: how long from now the device holds SCL low before it shifts out its next byte; the
     * controller asks just before each byte it reads (after the read address, and after each byte read) and
     * starts that byte's eight clocks only then. 0, the default, is no stretching.
     */
    default long readStretchNs() {
        return 0;
    }

    /** A STOP condition ended the transaction. */
    default void stop() {}
}
