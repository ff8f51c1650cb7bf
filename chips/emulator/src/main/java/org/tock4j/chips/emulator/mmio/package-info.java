/**
 * Memory-mapped registers, declared once per peripheral with datasheet names, and the driver-side accessor.
 *
 * <pre>{@code
 * // the peripheral model (the silicon)
 * RegisterBank regs = new RegisterBank("RTC1", 0x4001_1000);
 * regs.task("TASKS_START", 0x000, this::start);
 * regs.readOnly("COUNTER", 0x504, this::counter);
 * bus.mapDevice(regs);
 *
 * // the driver (Tock's code)
 * MmioRegisters rtc = new MmioRegisters(bus, 0x4001_1000);
 * rtc.write(0x000, 1);
 * int now = rtc.read(0x504);
 * }</pre>
 */
package org.tock4j.chips.emulator.mmio;
