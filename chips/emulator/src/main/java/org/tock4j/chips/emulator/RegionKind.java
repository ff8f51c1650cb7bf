package org.tock4j.chips.emulator;

/** What lives in a region of the address space. Tock counterpart: none (linker memory kinds). */
public enum RegionKind {
    /** Read-write memory, 0x00 after reset in the emulator. */
    RAM,
    /** Non-volatile program memory, 0xFF when erased. */
    FLASH,
    /** Memory-mapped peripheral registers. */
    PERIPHERAL
}
