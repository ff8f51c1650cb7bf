package org.tock4j.kernel.grant;

/**
 * How many read-write allows a grant stores for each process (0 to 255).
 *
 * <p>Tock counterpart: {@code kernel::grant::AllowRwCount<NUM>}.
 */
public record AllowRwCount(int count) {
    public AllowRwCount {
        if (count < 0 || count > 255) {
            throw new IllegalArgumentException("AllowRwCount must be 0..255: " + count);
        }
    }

    public static AllowRwCount of(int count) {
        return new AllowRwCount(count);
    }
}
