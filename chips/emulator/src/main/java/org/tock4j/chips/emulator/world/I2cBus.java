package org.tock4j.chips.emulator.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An I2C bus outside the chip: the devices attached to it, found by their 7-bit address. The chip's I2C
 * controller model addresses them; an address no device answers is NACKed.
 *
 * <pre>{@code
 * I2cBus bus = chip.i2cBus(0);
 * bus.attach(temperatureSensor);            // answers 0x48
 * bus.device(0x48);                         // Optional[temperatureSensor]
 * }</pre>
 *
 * <p>Tock counterpart: none; the SDA and SCL wires.
 */
public final class I2cBus {
    private final String name;
    private final List<I2cDevice> devices = new ArrayList<>();

    public I2cBus(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /**
     * Puts {@code device} on the bus.
     *
     * @throws IllegalArgumentException if its address is not 7-bit or another device already answers it
     */
    public void attach(I2cDevice device) {
        Objects.requireNonNull(device, "device");
        int address = device.address();
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException(
                    name + ": I2C addresses are 7-bit, not 0x" + Integer.toHexString(address));
        }
        device(address).ifPresent(other -> {
            throw new IllegalArgumentException(String.format("%s: address 0x%02X is already taken by %s", name,
                    address, other));
        });
        devices.add(device);
    }

    /** Takes {@code device} off the bus; returns whether it was on it. */
    public boolean detach(I2cDevice device) {
        return devices.remove(device);
    }

    /** The device answering {@code address}, if one is attached. */
    public Optional<I2cDevice> device(int address) {
        for (I2cDevice d : devices) {
            if (d.address() == address) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The attached devices, in attachment order. */
    public List<I2cDevice> devices() {
        return Collections.unmodifiableList(devices);
    }

    @Override
    public String toString() {
        return "I2cBus[" + name + ", " + devices.size() + " devices]";
    }
}
