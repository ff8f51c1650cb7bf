package org.tock4j.boards.kit;

import org.tock4j.chips.emulator.world.PinWire;

/**
 * An LED of the board as the outside world sees it: the pin it hangs on and whether it lights when the pin is
 * low.
 */
public record LedWire(String name, PinWire wire, boolean activeLow) {

    /** Whether the LED is lit now. */
    public boolean isOn() {
        return wire.level() != activeLow;
    }

    /** Whether a pin level lights the LED. */
    public boolean litAt(boolean level) {
        return level != activeLow;
    }
}
