package org.tock4j.boards.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.ChipFaults;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * The board's wires to the outside world: its LEDs, named pins and UARTs, sensors, I2C and SPI buses, the
 * chip's fault injection, and the virtual clock they are timed on. Tests and the CLI observe and drive the
 * board only through these.
 *
 * <pre>{@code
 * world.led(0).isOn();
 * world.uart("console").transmittedText();
 * world.pin("P0.11").press();
 * world.faults().dropNextInterrupt("RTC1");
 * }</pre>
 */
public final class BoardWorld {
    private final VirtualClock clock;
    private final List<LedWire> leds;
    private final Map<String, PinWire> pins;
    private final Map<String, UartLink> uarts;
    private final Map<String, SensorValue> sensors;
    private final Map<String, I2cBus> i2cBuses;
    private final Map<String, SpiBus> spiBuses;
    private final ChipFaults faults;

    public BoardWorld(VirtualClock clock, List<LedWire> leds, Map<String, PinWire> pins,
            Map<String, UartLink> uarts) {
        this(clock, leds, pins, uarts, Map.of(), Map.of(), Map.of());
    }

    /**
     * @param sensors physical values the board's sensors measure, by name ({@code temperature})
     * @param i2cBuses I2C buses devices can be attached to, by name ({@code i2c0})
     * @param spiBuses SPI buses devices can be attached to, by name ({@code spi0})
     */
    public BoardWorld(VirtualClock clock, List<LedWire> leds, Map<String, PinWire> pins,
            Map<String, UartLink> uarts, Map<String, SensorValue> sensors, Map<String, I2cBus> i2cBuses,
            Map<String, SpiBus> spiBuses) {
        this(clock, leds, pins, uarts, sensors, i2cBuses, spiBuses, ChipFaults.NONE);
    }

    /**
     * @param faults the chip's fault injection ({@link ChipFaults#NONE} for a chip without)
     */
    public BoardWorld(VirtualClock clock, List<LedWire> leds, Map<String, PinWire> pins,
            Map<String, UartLink> uarts, Map<String, SensorValue> sensors, Map<String, I2cBus> i2cBuses,
            Map<String, SpiBus> spiBuses, ChipFaults faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.clock = clock;
        this.leds = List.copyOf(leds);
        this.pins = new LinkedHashMap<>(pins);
        this.uarts = new LinkedHashMap<>(uarts);
        this.sensors = new LinkedHashMap<>(sensors);
        this.i2cBuses = new LinkedHashMap<>(i2cBuses);
        this.spiBuses = new LinkedHashMap<>(spiBuses);
    }

    public VirtualClock clock() {
        return clock;
    }

    public List<LedWire> leds() {
        return leds;
    }

    /** LED {@code index}, counting from 0 as the LED driver does. */
    public LedWire led(int index) {
        if (index < 0 || index >= leds.size()) {
            throw new NoSuchElementException("LED " + index + " does not exist; the board has " + leds.size());
        }
        return leds.get(index);
    }

    public PinWire pin(String name) {
        PinWire pin = pins.get(name);
        if (pin == null) {
            throw new NoSuchElementException("no pin named '" + name + "'; the board has " + pins.keySet());
        }
        return pin;
    }

    public Map<String, PinWire> pins() {
        return Map.copyOf(pins);
    }

    public UartLink uart(String name) {
        UartLink uart = uarts.get(name);
        if (uart == null) {
            throw new NoSuchElementException("no UART named '" + name + "'; the board has " + uarts.keySet());
        }
        return uart;
    }

    public Map<String, UartLink> uarts() {
        return Map.copyOf(uarts);
    }

    public SensorValue sensor(String name) {
        return find(sensors, name, "sensor");
    }

    public Map<String, SensorValue> sensors() {
        return Map.copyOf(sensors);
    }

    public I2cBus i2cBus(String name) {
        return find(i2cBuses, name, "I2C bus");
    }

    public SpiBus spiBus(String name) {
        return find(spiBuses, name, "SPI bus");
    }

    /** The I2C buses by name. */
    public Map<String, I2cBus> i2cBuses() {
        return Map.copyOf(i2cBuses);
    }

    /** The SPI buses by name. */
    public Map<String, SpiBus> spiBuses() {
        return Map.copyOf(spiBuses);
    }

    /** The chip's fault injection: dropped interrupts, failing flash writes. */
    public ChipFaults faults() {
        return faults;
    }

    private static <T> T find(Map<String, T> map, String name, String kind) {
        T found = map.get(name);
        if (found == null) {
            throw new NoSuchElementException("no " + kind + " named '" + name + "'; the board has " + map.keySet());
        }
        return found;
    }
}
