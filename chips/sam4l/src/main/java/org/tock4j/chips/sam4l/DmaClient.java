package org.tock4j.chips.sam4l;

/** Told when a PDCA channel finished its transfer. Tock counterpart: {@code sam4l::dma::DMAClient}. */
@FunctionalInterface
public interface DmaClient {
    void transferDone(DmaPeripheral pid);
}
