/**
 * Internal: the SAM4L's peripherals as silicon (register banks and their behaviour on the virtual clock,
 * gated by the PM's clock masks) and the chip's memory map assembled on a bus. Tock's drivers reach them
 * only through the bus.
 *
 * <pre>{@code
 * Sam4lHardware hw = new Sam4lHardware(Pacing.fullSpeed(), 42);
 * hw.bus().write32(PmModel.BASE + PmModel.UNLOCK, 0xAA00_0000 | PmModel.PBAMASK);
 * hw.bus().write32(PmModel.BASE + PmModel.PBAMASK, 1 << PmModel.PBA_TRNG);   // the TRNG gets its clock
 * }</pre>
 */
package org.tock4j.chips.sam4l.hardware;
