package org.tock4j.kernel.hil.uart;

/** Bits per word. Tock counterpart: {@code hil::uart::Width}. */
public enum Width {
    Six(6),
    Seven(7),
    Eight(8);

    private final int bits;

    Width(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
