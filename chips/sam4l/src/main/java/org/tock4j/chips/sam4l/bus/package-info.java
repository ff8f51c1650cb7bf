/**
 * Emulated serial buses and the device models on them: what a board wires to the SAM4L's TWIM (I2C) and SPI
 * masters. These models may later move to the shared emulator substrate.
 *
 * <pre>{@code
 * Sam4l chip = new Sam4l(Sam4l.Config.defaults());
 * chip.i2cBus(2).attach(0x40, new I2cDevice() {
 *     public boolean write(byte value) { return true; }
 *     public byte read() { return 0x42; }
 * });
 * chip.spiBus().attach(3, (mosi, bits) -> mosi ^ 0xFF);
 * }</pre>
 */
package org.tock4j.chips.sam4l.bus;
