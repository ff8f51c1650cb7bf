/**
 * The emulated nRF52840 and Tock's drivers for it, in Tock's family layers: {@code nrf5x} (RTC, TIMER, GPIO
 * with GPIOTE, RNG, TEMP) and {@code nrf52} (CLOCK, POWER, UARTE, NVMC, TWIM, SPIM, the nRF52 and nRF52840
 * peripheral sets, the chip).
 *
 * <pre>
 *   Nrf52840 (Chip) ── Nrf52840DefaultPeripherals ── Nrf52DefaultPeripherals: Clock, Power, Uarte0,
 *                   │        │                          Rtc ×3, TimerAlarm ×2, Timer ×3, Trng, Temp,
 *                   │        │                          Twim, Spim
 *                   │        ├─ GpioPort ── GpioPin × 48 (GPIOTE interrupts)
 *                   │        └─ Uarte1
 *                   ├─ Nvmc (built with the board's DeferredCalls)
 *                   └─ CortexM4 (NVIC, SysTick, MPU, CPU)
 *   hardware (internal): the peripheral models on the MemoryBus and VirtualClock; the world's PinWires,
 *   UartLinks, SensorValue, I2cBus and SpiBus hang off them
 * </pre>
 */
module org.tock4j.chips.nrf52 {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.chips.emulator;
    requires transitive org.tock4j.chips.cortexm;

    exports org.tock4j.chips.nrf5x;
    exports org.tock4j.chips.nrf52;
}
