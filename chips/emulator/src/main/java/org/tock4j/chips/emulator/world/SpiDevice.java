package org.tock4j.chips.emulator.world;

/**
 * A device on an SPI bus, selected by its chip-select wire (active low) and exchanging one byte per eight
 * clocks: it takes the byte on MOSI and answers one on MISO.
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

    /** The chip-select wire went low: a transaction begins. */
    default void selected() {}

    /** The chip-select wire went high: the transaction ended. */
    default void deselected() {}
}
