package org.tock4j.chips.emulator.world;

/**
 * A device on an SPI bus, selected by its chip-select wire (active low) and exchanging one frame per
 * controller frame, full duplex: it takes the frame on MOSI and answers one on MISO. Frames are eight bits
 * unless the controller is set otherwise (the SAM4L's SPI can send 8 to 16); a device that takes wider frames
 * overrides {@link #transfer(int, int)}.
 *
 * <pre>{@code
 * chip.spiBus(0).attach(chip.pin(0, 20), new SpiDevice() {   // CS on P0.20
 *     public byte exchange(byte mosi) { return (byte) ~mosi; }
 * });
 * }</pre>
 *
 * <p>Calls come on the board's thread, at the virtual time the byte's last clock ends.
 *
 * <p>Tock counterpart: none; a physical SPI peripheral.
 */
public interface SpiDevice {

    /** A byte clocked in from the controller on MOSI; returns the byte the device shifted out on MISO. */
    byte exchange(byte mosi);

    /**
     * A frame of {@code bits} bits clocked in on MOSI (the low {@code bits} bits of {@code mosi}); returns the
     * frame shifted out on MISO in its low {@code bits} bits. The default exchanges the low byte with
     * {@link #exchange(byte)}, which is the whole frame for the 8-bit frames every Tock driver uses.
     */
    default int transfer(int mosi, int bits) {
        return exchange((byte) mosi) & 0xFF;
    }

    /** The chip-select wire went low: a transaction begins. */
    default void selected() {}

    /** The chip-select wire went high: the transaction ended. */
    default void deselected() {}
}
