package org.tock4j.kernel.hil.time;

/**
 * A counter value of a timer that is {@code width} bits wide and wraps; arithmetic wraps at that width.
 *
 * <pre>{@code
 * Ticks now = alarm.now();                       // e.g. 24 bits on the nRF52 RTC
 * Ticks fire = now.wrappingAdd(alarm.ticksFromMs(250));
 * boolean passed = !now.withinRange(reference, fire);
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::hil::time::Ticks} (with {@code Ticks24}, {@code Ticks32},
 * {@code Ticks64}).
 */
public record Ticks(long value, int width) implements Comparable<Ticks> {

    public Ticks {
        if (width < 1 || width > 64) {
            throw new IllegalArgumentException("ticks width must be 1..64: " + width);
        }
        value &= mask(width);
    }

    public static Ticks of(long value, int width) {
        return new Ticks(value, width);
    }

    private static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** A value of the same width. */
    public Ticks withValue(long v) {
        return new Ticks(v, width);
    }

    public Ticks wrappingAdd(Ticks other) {
        return new Ticks(value + other.value, width);
    }

    public Ticks wrappingSub(Ticks other) {
        return new Ticks(value - other.value, width);
    }

    /** Whether this lies in {@code [start, end)} going forward from {@code start}, with wrapping. */
    public boolean withinRange(Ticks start, Ticks end) {
        return Long.compareUnsigned(wrappingSub(start).value, end.wrappingSub(start).value) < 0;
    }

    public Ticks maxValue() {
        return new Ticks(mask(width), width);
    }

    public Ticks halfMaxValue() {
        return new Ticks(1L + (mask(width) >>> 1), width);
    }

    /** The value truncated to 32 bits. */
    public int intoU32() {
        return (int) value;
    }

    /** Bits this width lacks to fill 32 (0 for 32 and wider). */
    public int u32Padding() {
        return width >= 32 ? 0 : 32 - width;
    }

    /** The value shifted so its top bit is bit 31 (for widths below 32); the low 32 bits otherwise. */
    public int intoU32LeftJustified() {
        return width >= 32 ? (int) value : (int) (value << u32Padding());
    }

    /** {@code val} as ticks, or the maximum value when it does not fit. */
    public Ticks fromOrMax(long val) {
        return Long.compareUnsigned(val, mask(width)) > 0 ? maxValue() : new Ticks(val, width);
    }

    @Override
    public int compareTo(Ticks o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return value + "t/" + width;
    }
}
