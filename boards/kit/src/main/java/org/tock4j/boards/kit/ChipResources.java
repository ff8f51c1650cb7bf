package org.tock4j.boards.kit;

import java.util.Map;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.ChipFaults;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/**
 * A chip built for a board file: the chip, and its pins and peripherals by the names board files use
 * ({@code P0.13}, {@code UARTE0}, {@code RTC1}, {@code TRNG}).
 *
 * <p>Peripherals are HIL implementations keyed by name: a {@link org.tock4j.kernel.hil.uart.Uart}, an
 * {@link org.tock4j.kernel.hil.time.Alarm}, an {@link org.tock4j.kernel.hil.rng.Rng}, a
 * {@link org.tock4j.kernel.hil.sensors.TemperatureDriver}, and so on; UARTs and alarms are initialised and
 * started.
 */
public interface ChipResources {

    Chip chip();

    VirtualClock clock();

    SchedulerTimer schedulerTimer();

    /** Where apps go in flash unless the board file says otherwise. */
    AddressRange defaultAppFlash();

    /** The RAM apps get unless the board file says otherwise. */
    AddressRange defaultAppRam();

    /** Every GPIO pin by name, as an interrupt-capable pin. */
    Map<String, InterruptPin> pins();

    /** Every pin's wire, by the same names. */
    Map<String, PinWire> pinWires();

    /** HIL peripherals by name (UARTs, alarms, RNG, temperature sensor, I2C and SPI controllers, ...). */
    Map<String, Object> peripherals();

    /** The link of each UART, by the UART's name. */
    Map<String, UartLink> uartLinks();

    Map<String, SensorValue> sensors();

    Map<String, I2cBus> i2cBuses();

    Map<String, SpiBus> spiBuses();

    /** The chip's fault injection; {@link ChipFaults#NONE} unless the chip offers one. */
    default ChipFaults faults() {
        return ChipFaults.NONE;
    }
}
