package org.tock4j.chips.sam4l.bus;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The devices wired to one I2C bus, by 7-bit address. An address nobody answers is not acknowledged.
 *
 * <pre>{@code
 * I2cBus sensors = chip.i2cBus(2);
 * sensors.attach(0x40, temperatureSensor);
 * sensors.device(0x40);        // Optional[temperatureSensor]
 * }</pre>
 *
 * <p>Tock counterpart: none; the SDA/SCL wires of a board.
 */
public final class I2cBus {
    private final String name;
    private final Map<Integer, I2cDevice> devices = new TreeMap<>();

    public I2cBus(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Wires {@code device} to the bus at 7-bit {@code address}. */
    public void attach(int address, I2cDevice device) {
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException(
                    name + ": I2C addresses are 7 bits, not 0x" + Integer.toHexString(address));
        }
        Objects.requireNonNull(device, "device");
        I2cDevice previous = devices.putIfAbsent(address, device);
        if (previous != null) {
            throw new IllegalArgumentException(String.format("%s: address 0x%02X already holds %s", name, address,
                    previous));
        }
    }

    /** Removes the device at {@code address}, if any. */
    public void detach(int address) {
        devices.remove(address);
    }

    /** The device answering {@code address}, if any. */
    public Optional<I2cDevice> device(int address) {
        return Optional.ofNullable(devices.get(address));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('[');
        devices.keySet().forEach(a -> sb.append(String.format(" 0x%02X", a)));
        return sb.append(" ]").toString();
    }
}
