/**
 * The simulation substrate every emulated chip stands on: a deterministic virtual clock with its event
 * queue, paged RAM and flash behind a memory bus, declarative MMIO register banks, interrupt lines, and the
 * outside world (pins as wires, UARTs as byte links, sensor values, I2C and SPI buses with devices), and
 * models of the parts boards put on those buses.
 *
 * <pre>
 *   VirtualClock ◄── peripheral models schedule events ──► InterruptLine ──► NVIC (chips.cortexm)
 *   MemoryBus ── RAM / flash (PagedMemory) ── RegisterBank (MMIO) ◄── drivers via MmioRegisters
 *   world: PinWire, UartLink, SensorValue, I2cBus/I2cDevice, SpiBus/SpiDevice ◄── tests, the CLI
 *   devices: Si7021Model (an I2cDevice measuring two SensorValues) ◄── boards
 * </pre>
 */
module org.tock4j.chips.emulator {
    requires transitive org.tock4j.kernel.api;

    exports org.tock4j.chips.emulator;
    exports org.tock4j.chips.emulator.devices;
    exports org.tock4j.chips.emulator.mmio;
    exports org.tock4j.chips.emulator.world;
}
