package org.tock4j.chips.emulator.world;

/** A resistor holding an undriven wire at a level. Tock counterpart: none (a pull resistor). */
public enum Pull {
    NONE,
    UP,
    DOWN
}
