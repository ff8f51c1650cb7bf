package org.tock4j.kernel.grant;

/**
 * How many read-only allows a grant stores for each process (0 to 255).
 *
 * <p>Tock counterpart: {@code kernel::grant::AllowRoCount<NUM>}.
 */
public record AllowRoCount(int count) {
    public AllowRoCount {
        if (count < 0 || count > 255) {
            throw new IllegalArgumentException("AllowRoCount must be 0..255: " + count);
        }
    }

    public static AllowRoCount of(int count) {
        return new AllowRoCount(count);
    }
}
