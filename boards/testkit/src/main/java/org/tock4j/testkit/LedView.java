package org.tock4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.boards.kit.LedWire;
import org.tock4j.chips.emulator.world.PinWire;

/**
 * An LED of the board under test: whether it is lit, and every change with its virtual time.
 */
public final class LedView {
    private final LedWire led;

    LedView(LedWire led) {
        this.led = led;
    }

    public String name() {
        return led.name();
    }

    public boolean isOn() {
        return led.isOn();
    }

    /** One change of the LED: lit or not, at a virtual time. */
    public record Change(long timeNs, boolean on) {}

    /** Every change of the LED since reset, in order (pin edges, read as lit / unlit). */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (PinWire.Edge edge : led.wire().edges()) {
            changes.add(new Change(edge.timeNs(), led.litAt(edge.level())));
        }
        return changes;
    }

    /** The virtual times at which the LED turned on. */
    public List<Long> onTimes() {
        return changes().stream().filter(Change::on).map(Change::timeNs).toList();
    }
}
