package org.tock4j.chips.emulator.world;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An SPI bus outside the chip: devices attached with their chip-select wires. The chip's SPI controller model
 * exchanges each frame with the device whose chip select is low; with none selected, MISO is undriven and
 * reads as its pull: 0 on a floating line (the default), all ones with a pull-up.
 *
 * <pre>{@code
 * SpiBus bus = chip.spiBus(0);
 * bus.attach(chip.pin(0, 20), flash);     // selected while P0.20 is low
 * bus.selected();                         // the devices whose chip select is low now
 * }</pre>
 *
 * <p>The chip select is any {@link PinWire}: a GPIO pin the driver toggles (nRF52 SPIM), or a chip select
 * line the controller itself drives (SAM4L NPCS0–3).
 *
 * <p>Tock counterpart: none; the SCK, MOSI, MISO and chip-select wires.
 */
public final class SpiBus {
    private static final Logger LOG = System.getLogger(SpiBus.class.getName());

    /** A device and its chip-select wire. */
    public record Attachment(PinWire chipSelect, SpiDevice device) {}

    private final String name;
    private final Pull misoPull;
    private final List<Attachment> attachments = new ArrayList<>();
    private boolean contentionWarned;

    /** A bus whose MISO floats (reads 0) while no device drives it. */
    public SpiBus(String name) {
        this(name, Pull.NONE);
    }

    /** A bus whose MISO reads as {@code misoPull} while no device drives it: all ones for {@link Pull#UP}. */
    public SpiBus(String name, Pull misoPull) {
        this.name = Objects.requireNonNull(name, "name");
        this.misoPull = Objects.requireNonNull(misoPull, "misoPull");
    }

    public String name() {
        return name;
    }

    /** What holds MISO while no device drives it. */
    public Pull misoPull() {
        return misoPull;
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
     * The controller clocks out {@code mosi}; returns the MISO byte: the selected device's answer, or the
     * undriven level when none is selected. With several selected, each receives the byte and their answers
     * combine as an AND (drivers fighting on MISO, low wins); a warning is logged once.
     */
    public byte exchange(byte mosi) {
        return (byte) transfer(mosi & 0xFF, 8);
    }

    /**
     * {@link #exchange(byte)} for a frame of {@code bits} bits (1–16): the low {@code bits} bits of
     * {@code mosi} go out, the MISO frame comes back in the low {@code bits} bits.
     */
    public int transfer(int mosi, int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException(name + ": SPI frames are 1 to 16 bits, not " + bits);
        }
        int mask = (1 << bits) - 1;
        List<SpiDevice> selected = selected();
        if (selected.isEmpty()) {
            return misoPull == Pull.UP ? mask : 0;
        }
        if (selected.size() > 1 && !contentionWarned) {
            contentionWarned = true;
            LOG.log(Level.WARNING, "{0}: {1} devices selected at once drive MISO together", name, selected.size());
        }
        int miso = mask;
        for (SpiDevice d : selected) {
            miso &= d.transfer(mosi & mask, bits);
        }
        return miso & mask;
    }

    @Override
    public String toString() {
        return "SpiBus[" + name + ", " + attachments.size() + " devices]";
    }
}
