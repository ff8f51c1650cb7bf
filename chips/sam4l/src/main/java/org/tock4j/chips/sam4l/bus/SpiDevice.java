package org.tock4j.chips.sam4l.bus;

/**
 * A device on an emulated SPI bus behind one chip select: selected, then exchanging one frame per master
 * frame (full duplex), then deselected. Every call happens at the virtual time the bus event completes.
 *
 * <pre>{@code
 * SpiDevice echo = (mosi, bits) -> mosi;          // a loopback device
 * chip.spiBus().attach(2, echo);                  // behind NPCS2
 * }</pre>
 *
 * <p>Tock counterpart: none; the chip on the board (a radio, a flash).
 */
@FunctionalInterface
public interface SpiDevice {

    /** The chip select went active. */
    default void selected() {}

    /**
     * One frame of {@code bits} bits (8 for every Tock driver): {@code mosi} is what the master sent; returns
     * what the device shifted out on MISO in the same frame.
     */
    int transfer(int mosi, int bits);

    /** The chip select went inactive. */
    default void deselected() {}
}
