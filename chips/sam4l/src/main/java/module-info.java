/**
 * The emulated ATSAM4LC8C and Tock's {@code sam4l} drivers for it: the chip (Tock's {@code Chip}), its clock
 * system (PM, SCIF, BSCIF, BPM), the AST alarm, USARTs over PDCA DMA, GPIO ports A–C with edge interrupts,
 * the TRNG, the FLASHCALW flash controller, TWIM (I2C) and SPI masters driving the emulator's
 * {@code I2cBus}/{@code SpiBus} devices, and the ADCIFE sampling {@code SensorValue} pad voltages.
 *
 * <pre>
 *   Sam4l (Chip) ── Sam4lDefaultPeripherals ── Ast, Usart ×4, DmaChannel ×16, GpioPort ×3, Trng,
 *                │                             Flashcalw, I2cHw ×4, SpiHw, Adc   (Tock's drivers)
 *                ├─ PowerManager, Scif, Bscif, Bpm                                (clock system)
 *                └─ CortexM4 (NVIC, SysTick, MPU, CPU at 48 MHz)
 *   hardware (internal): register models on the MemoryBus and VirtualClock, gated by the PM clock masks
 *   outside world (chips.emulator.world): PinWire per pin, UartLink per USART, I2cBus per TWIM,
 *   SpiBus with NPCS0–3 wires, SensorValue (mV) per ADC pad
 * </pre>
 */
module org.tock4j.chips.sam4l {
    requires transitive org.tock4j.kernel.api;
    requires transitive org.tock4j.chips.emulator;
    requires transitive org.tock4j.chips.cortexm;

    exports org.tock4j.chips.sam4l;
}
