package org.tock4j.boards.kit;

/**
 * A range of the chip's address space: where a board keeps its apps in flash, and the RAM it lends them.
 *
 * <p>Tock counterpart: the {@code _sapps}/{@code _eapps} and {@code _sappmem}/{@code _eappmem} symbols of a
 * board's linker script.
 */
public record AddressRange(int start, int length) {
    public AddressRange {
        if (length <= 0) {
            throw new IllegalArgumentException("a memory region needs a positive length: " + length);
        }
    }

    public int end() {
        return start + length;
    }

    @Override
    public String toString() {
        return String.format("[%#010x, %#010x)", start, end());
    }
}
