package org.tock4j.chips.emulator;

import java.math.BigInteger;

/**
 * Exact conversion between the ticks of a clock signal and virtual nanoseconds, in integer arithmetic, so
 * that nothing drifts however long a board runs: {@code ticks} ticks take exactly {@code periodNs}
 * nanoseconds.
 *
 * <pre>{@code
 * TickConverter cpu = TickConverter.ofHz(64_000_000);          // 64 ticks per 1000 ns
 * cpu.ticksIn(1_000)            == 64
 * cpu.timeOfTick(1)             == 16       // 15.625 ns, rounded up to the first whole ns
 * TickConverter rtc = new TickConverter(32_768, 1_000_000_000L * (prescaler + 1));
 * }</pre>
 *
 * <p>Tock counterpart: none.
 */
public final class TickConverter {
    private static final long NS_PER_SECOND = 1_000_000_000L;

    private final long ticks;
    private final long periodNs;

    /** A signal with {@code ticks} ticks every {@code periodNs} nanoseconds. */
    public TickConverter(long ticks, long periodNs) {
        if (ticks <= 0 || periodNs <= 0) {
            throw new IllegalArgumentException("ticks and period must be positive: " + ticks + "/" + periodNs);
        }
        // Reduced by their greatest common divisor (64 MHz: 8 ticks per 125 ns), so that the products below stay
        // small and one division does.
        long gcd = gcd(ticks, periodNs);
        this.ticks = ticks / gcd;
        this.periodNs = periodNs / gcd;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    public static TickConverter ofHz(long hz) {
        return new TickConverter(hz, NS_PER_SECOND);
    }

    /** Whole ticks completed in {@code ns} nanoseconds: {@code floor(ns * ticks / period)}. */
    public long ticksIn(long ns) {
        return mulDivFloor(ns, ticks, periodNs);
    }

    /**
     * The first whole nanosecond at which {@code tick} ticks have completed: {@code ceil(tick * period /
     * ticks)}. Consistent with {@link #ticksIn}: {@code ticksIn(timeOfTick(k)) == k} whenever ticks are no
     * faster than one per nanosecond.
     */
    public long timeOfTick(long tick) {
        return mulDivCeil(tick, periodNs, ticks);
    }

    private static long mulDivFloor(long a, long b, long c) {
        requireNonNegative(a);
        if (a <= Long.MAX_VALUE / b) {
            return a * b / c;
        }
        long q = a / c;
        long r = a % c;
        long high = Math.multiplyHigh(r, b);
        if (high == 0 && r * b >= 0) {
            return Math.addExact(Math.multiplyExact(q, b), r * b / c);
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    private static long mulDivCeil(long a, long b, long c) {
        requireNonNegative(a);
        if (a <= (Long.MAX_VALUE - c) / b) {
            return (a * b + c - 1) / c;
        }
        long q = a / c;
        long r = a % c;
        long high = Math.multiplyHigh(r, b);
        if (high == 0 && r * b >= 0) {
            long rb = r * b;
            return Math.addExact(Math.multiplyExact(q, b), rb / c + (rb % c == 0 ? 0 : 1));
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    private static void requireNonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative time or tick count: " + v);
        }
    }

    @Override
    public String toString() {
        return ticks + " ticks per " + periodNs + " ns";
    }
}
