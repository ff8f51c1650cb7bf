/**
 * The Cortex-M4 core of an emulated chip: NVIC, SysTick and the ARMv7-M MPU as register models at their
 * architectural addresses, with Tock's drivers for them and the core that runs processes.
 *
 * <pre>
 *   CortexM4 ── hardware (internal): NvicModel, SysTickModel, MpuModel on the MemoryBus
 *            └─ drivers: Nvic (nvic.rs), SysTick (systick.rs), CortexMMpu (mpu.rs), CortexMCpu
 * </pre>
 */
module org.tock4j.chips.cortexm {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.chips.emulator;

    exports org.tock4j.chips.cortexm;
}
