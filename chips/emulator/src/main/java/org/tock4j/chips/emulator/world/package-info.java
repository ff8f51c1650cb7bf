/**
 * The outside world a board is wired to: pins as wires with timed edges, UARTs as byte links, physical
 * quantities that sensors measure, and I2C and SPI buses with pluggable devices.
 *
 * <pre>{@code
 * PinWire button = chip.pin(0, 11);
 * button.press();                              // pulls it low
 * UartLink console = chip.uartLink(0);
 * console.feed("hello\n");
 * assertThat(console.transmittedText()).contains("tock$");
 * assertThat(chip.pin(0, 13).edges()).extracting(PinWire.Edge::level).containsExactly(true, false);
 * chip.temperature().set(21.5);                // a SensorValue, °C
 * chip.i2cBus(0).attach(sensor);               // an I2cDevice answering its address
 * chip.spiBus(0).attach(chip.pin(0, 20), flash); // an SpiDevice behind chip select P0.20
 * }</pre>
 */
package org.tock4j.chips.emulator.world;
