/**
 * The Cortex-M4 core for emulated chips: NVIC, SysTick scheduler timer, ARMv7-M MPU and the core that runs
 * processes, as Tock's {@code arch/cortex-m} drives them.
 *
 * <pre>{@code
 * CortexM4 core = new CortexM4(clock, bus, 64_000_000, 48, 3);
 * core.nvic().enableAll();
 * SchedulerTimer timer = core.systick();
 * Mpu mpu = core.mpu();
 * MpuConfig config = mpu.newConfig().orElseThrow();
 * mpu.allocateAppMemoryRegion(0x2000_4000, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);
 * core.cpu().executeCycles(64);   // 1 µs
 * }</pre>
 */
package org.tock4j.chips.cortexm;
