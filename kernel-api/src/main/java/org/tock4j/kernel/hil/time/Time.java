package org.tock4j.kernel.hil.time;

/**
 * A free-running counter at a fixed frequency.
 *
 * <p>Tock counterpart: {@code kernel::hil::time::Time} and {@code ConvertTicks}.
 */
public interface Time {

    /** Ticks per second. */
    int frequency();

    Ticks now();

    /** {@code value} as ticks of this counter's width. */
    default Ticks ticks(long value) {
        return now().withValue(value);
    }

    /** Arguments are unsigned 32-bit amounts, as in Tock; the product is computed in 64 bits. */
    default Ticks ticksFromSeconds(int s) {
        return now().fromOrMax(Integer.toUnsignedLong(s) * frequency());
    }

    default Ticks ticksFromMs(int ms) {
        return now().fromOrMax(Integer.toUnsignedLong(ms) * frequency() / 1000);
    }

    default Ticks ticksFromUs(int us) {
        return now().fromOrMax(Integer.toUnsignedLong(us) * frequency() / 1_000_000);
    }

    default long ticksToSeconds(Ticks t) {
        return t.value() / frequency();
    }

    default long ticksToMs(Ticks t) {
        return t.value() * 1000 / frequency();
    }

    default long ticksToUs(Ticks t) {
        return t.value() * 1_000_000 / frequency();
    }
}
