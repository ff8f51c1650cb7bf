package org.tock4j.chips.sam4l;

/** The size of one PDCA transfer. Tock counterpart: {@code sam4l::dma::DMAWidth}. */
public enum DmaWidth {
    Width8Bit(1),
    Width16Bit(2),
    Width32Bit(4);

    private final int bytes;

    DmaWidth(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
