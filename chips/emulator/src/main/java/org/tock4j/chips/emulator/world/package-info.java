/**
 * The outside world a board is wired to: pins as wires with timed edges, UARTs as byte links.
 *
 * <pre>{@code
 * PinWire button = chip.pin(0, 11);
 * button.press();                              // pulls it low
 * UartLink console = chip.uartLink(0);
 * console.feed("hello\n");
 * assertThat(console.transmittedText()).contains("tock$");
 * assertThat(chip.pin(0, 13).edges()).extracting(PinWire.Edge::level).containsExactly(true, false);
 * }</pre>
 */
package org.tock4j.chips.emulator.world;
