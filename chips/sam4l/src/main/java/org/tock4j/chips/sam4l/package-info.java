/**
 * The emulated SAM4L (ATSAM4LC8C) chip and Tock's {@code sam4l} drivers: the {@link org.tock4j.chips.sam4l.Sam4l}
 * that implements Tock's {@code Chip}, its memory map and interrupt numbers, the clock system (PM, SCIF,
 * BSCIF, BPM), and the AST, USART, PDCA, GPIO, TRNG, FLASHCALW, TWIM, SPI and ADCIFE drivers.
 *
 * <pre>{@code
 * Sam4l chip = new Sam4l(Sam4l.Config.defaults().withSeed(42));
 * chip.peripherals().setupCircularDeps(deferredCalls);
 * chip.pm().setupSystemClock(new SystemClockSource.PllExternalOscillatorAt48MHz(
 *         SystemClockSource.OscillatorFrequency.Frequency16MHz,
 *         SystemClockSource.OscillatorStartup.FastStart), chip.flash());
 * chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
 * chip.usart(3).setMode(UsartMode.Uart);
 * chip.usart(3).configure(Parameters.console115200());
 * chip.clock().setHorizon(1_000_000_000L);       // stop sleeping after 1 s of virtual time
 * chip.pin('C', 24).press();                     // imix's user button
 * chip.uartLink(3).feed("help\n");              // the console
 * }</pre>
 */
package org.tock4j.chips.sam4l;
