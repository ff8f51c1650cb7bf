/**
 * Internal: the nRF52840's peripherals as silicon (register banks and their behaviour on the virtual clock)
 * and the chip's memory map assembled on a bus. Tock's drivers reach them only through the bus.
 *
 * <pre>{@code
 * Nrf52840Hardware hw = new Nrf52840Hardware(Pacing.fullSpeed());
 * hw.bus().write32(UarteModel.TASKS_STARTTX + hw.uarte0().registers().baseAddress(), 1);
 * }</pre>
 */
package org.tock4j.chips.nrf52.hardware;
