/**
 * Virtual time, memory and interrupt lines: the deterministic core of every emulated board.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * clock.schedule(1_000, () -> line.raise());       // at 1 µs of virtual time
 * clock.setHorizon(1_000_000);
 * while (clock.sleepUntilNextEvent()) { }          // idle time costs nothing
 *
 * MemoryBus bus = new MemoryBus();
 * bus.mapMemory("RAM", 0x2000_0000, new PagedMemory(256 * 1024, (byte) 0x00), RegionKind.RAM);
 * bus.write32(0x2000_0000, 0xCAFE_F00D);
 * bus.attachFlashController(flashRegion, nvmc);   // the core's stores into flash go through it:
 * bus.cpuPort().write32(0x1000, 0);               // what drivers use; bus.write32 is the debugger
 * }</pre>
 */
package org.tock4j.chips.emulator;
