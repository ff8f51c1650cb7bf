package org.tock4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One selection of an {@link SpiDeviceDouble}: from its chip select going low to going high again, every frame
 * clocked in on MOSI and every frame it answered on MISO.
 *
 * <pre>{@code
 * SpiTransaction t = flash.transactions().get(0);
 * t.mosi();    // [0x9F]: "read JEDEC ID"
 * t.miso();    // [0x00, 0xEF, 0x40, 0x18]
 * }</pre>
 *
 * <p>Tock counterpart: none (what a logic analyser on the SPI wires would show).
 *
 * @param startNs the virtual time the chip select went low
 * @param endNs the virtual time it went high again; -1 while the device is still selected
 * @param mosi the frames the controller sent (8-bit frames unless the controller was set otherwise)
 * @param miso the frames the device answered, one per frame sent
 */
public record SpiTransaction(long startNs, long endNs, List<Integer> mosi, List<Integer> miso) {

    public SpiTransaction {
        mosi = List.copyOf(mosi);
        miso = List.copyOf(miso);
    }

    /** Whether the chip select has gone high again. */
    public boolean isEnded() {
        return endNs >= 0;
    }

    @Override
    public String toString() {
        return "[" + Duration.ofNanos(startNs) + "] mosi " + hex(mosi) + " miso " + hex(miso);
    }

    private static String hex(List<Integer> frames) {
        return frames.stream().map(f -> String.format("%02X", f)).collect(Collectors.joining(" ", "[", "]"));
    }
}
