package org.tock4j.kernel.grant;

/**
 * How many upcalls a grant stores for each process (0 to 255).
 *
 * <p>Tock counterpart: {@code kernel::grant::UpcallCount<NUM>}.
 */
public record UpcallCount(int count) {
    public UpcallCount {
        if (count < 0 || count > 255) {
            throw new IllegalArgumentException("UpcallCount must be 0..255: " + count);
        }
    }

    public static UpcallCount of(int count) {
        return new UpcallCount(count);
    }
}
