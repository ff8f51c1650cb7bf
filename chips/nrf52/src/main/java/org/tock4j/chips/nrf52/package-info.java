/**
 * The emulated nRF52840 chip and Tock's nRF52 drivers: the {@link org.tock4j.chips.nrf52.Nrf52840} that
 * implements Tock's {@code Chip}, its memory map and interrupt numbers, CLOCK, POWER, the UARTE, the NVMC
 * (flash HIL), TWIM (I2C HIL) and SPIM (SPI HIL), and the peripheral sets of the nRF52 and nRF52840 layers.
 *
 * <pre>{@code
 * Nrf52840 chip = new Nrf52840(Nrf52840.Config.defaults().withSeed(42));
 * chip.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
 * chip.uarte0().configure(Parameters.console115200());
 * chip.clock().setHorizon(1_000_000_000L);       // stop sleeping after 1 s of virtual time
 * chip.pin(0, 11).press();                        // a button
 * chip.uartLink(0).feed("help\n");               // the console
 * chip.clockPeripheral().lowStart();              // LFCLKSTARTED 600 µs later (LFRC)
 * chip.nvmc(deferredCalls).erasePage(200);        // 85 ms of core time, then the client hears
 * }</pre>
 */
package org.tock4j.chips.nrf52;
