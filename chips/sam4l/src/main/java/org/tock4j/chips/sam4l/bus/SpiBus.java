package org.tock4j.chips.sam4l.bus;

import java.util.Objects;
import java.util.Optional;

/**
 * The devices wired to an SPI master, one per chip select line. Frames sent while no device is selected, or
 * to an empty chip select, read back 0xFF (MISO pulled up, nobody driving it).
 *
 * <pre>{@code
 * SpiBus spi = chip.spiBus();
 * spi.attach(3, radio);        // NPCS3
 * }</pre>
 *
 * <p>Tock counterpart: none; the MOSI/MISO/SCK/NPCS wires of a board.
 */
public final class SpiBus {
    private final String name;
    private final SpiDevice[] devices;

    /** A bus with {@code chipSelects} chip select lines. */
    public SpiBus(String name, int chipSelects) {
        this.name = Objects.requireNonNull(name, "name");
        if (chipSelects < 1) {
            throw new IllegalArgumentException(name + ": a bus needs at least one chip select");
        }
        this.devices = new SpiDevice[chipSelects];
    }

    public String name() {
        return name;
    }

    public int chipSelects() {
        return devices.length;
    }

    /** Wires {@code device} behind chip select {@code cs}. */
    public void attach(int cs, SpiDevice device) {
        Objects.checkIndex(cs, devices.length);
        Objects.requireNonNull(device, "device");
        if (devices[cs] != null) {
            throw new IllegalArgumentException(name + ": chip select " + cs + " already holds " + devices[cs]);
        }
        devices[cs] = device;
    }

    public void detach(int cs) {
        Objects.checkIndex(cs, devices.length);
        devices[cs] = null;
    }

    /** The device behind chip select {@code cs}, if any. */
    public Optional<SpiDevice> device(int cs) {
        Objects.checkIndex(cs, devices.length);
        return Optional.ofNullable(devices[cs]);
    }

    @Override
    public String toString() {
        return name + "[" + devices.length + " chip selects]";
    }
}
