package org.tock4j.kernel.core.testing;

import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.hil.time.Time;

/**
 * A free-running counter on a {@link TestChip}'s virtual clock, like the nRF52's RTC: {@code frequency} ticks per
 * second, {@code width} bits, wrapping.
 *
 * <pre>{@code
 * Time rtc = new TestCounter(board.chip(), 32_768, 24);
 * }</pre>
 */
public final class TestCounter implements Time {
    private final TestChip chip;
    private final int frequency;
    private final int width;

    public TestCounter(TestChip chip, int frequency, int width) {
        this.chip = chip;
        this.frequency = frequency;
        this.width = width;
    }

    @Override
    public int frequency() {
        return frequency;
    }

    @Override
    public Ticks now() {
        // The ticks counted in the whole microseconds the clock has run.
        return Ticks.of(chip.nowUs() * frequency / 1_000_000, width);
    }
}
