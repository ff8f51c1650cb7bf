package org.tock4j.chips.emulator.world;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An SPI bus outside the chip: devices attached with their chip-select wires. The chip's SPI controller model
 * exchanges each byte with the device whose chip select is low; with none selected, MISO floats and reads 0.
 *
 * <pre>{@code
 * SpiBus bus = chip.spiBus(0);
 * bus.attach(chip.pin(0, 20), flash);     // selected while P0.20 is low
 * bus.selected();                         // the devices whose chip select is low now
 * }</pre>
 *
 * <p>Tock counterpart: none; the SCK, MOSI, MISO and chip-select wires.
 */
public final class SpiBus {
    private static final Logger LOG = System.getLogger(SpiBus.class.getName());

    /** A device and its chip-select wire. */
    public record Attachment(PinWire chipSelect, SpiDevice device) {}

    private final String name;
    private final List<Attachment> attachments = new ArrayList<>();
    private boolean contentionWarned;

    public SpiBus(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Puts {@code device} on the bus, selected while {@code chipSelect} is low. */
    public void attach(PinWire chipSelect, SpiDevice device) {
        Objects.requireNonNull(chipSelect, "chipSelect");
        Objects.requireNonNull(device, "device");
        attachments.add(new Attachment(chipSelect, device));
        chipSelect.addListener((wire, edge) -> {
            if (edge.level()) {
                device.deselected();
            } else {
                device.selected();
            }
        });
    }

    /** Every device with its chip select, in attachment order. */
    public List<Attachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }

    /** The devices whose chip select is low now. */
    public List<SpiDevice> selected() {
        List<SpiDevice> selected = new ArrayList<>();
        for (Attachment a : attachments) {
            if (!a.chipSelect().level()) {
                selected.add(a.device());
            }
        }
        return selected;
    }

    /**
     * The controller clocks out {@code mosi}; returns the MISO byte: the selected device's answer, 0 when none
     * is selected. With several selected, each receives the byte and their answers combine as an AND (drivers
     * fighting on MISO, low wins); a warning is logged once.
     */
    public byte exchange(byte mosi) {
        List<SpiDevice> selected = selected();
        if (selected.isEmpty()) {
            return 0;
        }
        if (selected.size() > 1 && !contentionWarned) {
            contentionWarned = true;
            LOG.log(Level.WARNING, "{0}: {1} devices selected at once drive MISO together", name, selected.size());
        }
        int miso = 0xFF;
        for (SpiDevice d : selected) {
            miso &= d.exchange(mosi);
        }
        return (byte) miso;
    }

    @Override
    public String toString() {
        return "SpiBus[" + name + ", " + attachments.size() + " devices]";
    }
}
