/**
 * The emulated nRF52840 and Tock's drivers for it, in Tock's family layers: {@code nrf5x} (RTC, GPIO) and
 * {@code nrf52} (UARTE, the nRF52 and nRF52840 peripheral sets, the chip).
 *
 * <pre>
 *   Nrf52840 (Chip) ── Nrf52840DefaultPeripherals ── Nrf52DefaultPeripherals ── Uarte, Rtc
 *                   └─ CortexM4 (NVIC, SysTick, MPU, CPU)          └─ GpioPort ── GpioPin × 48
 *   hardware (internal): UarteModel, RtcModel, GpioPortModel on the MemoryBus and VirtualClock
 * </pre>
 */
module org.tock4j.chips.nrf52 {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.chips.emulator;
    requires transitive org.tock4j.chips.cortexm;

    exports org.tock4j.chips.nrf5x;
    exports org.tock4j.chips.nrf52;
}
