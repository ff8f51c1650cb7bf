package org.tock4j.chips.sam4l;

/**
 * Where the system clock comes from, and so how fast everything runs; passed to
 * {@link PowerManager#setupSystemClock}.
 *
 * <pre>{@code
 * pm.setupSystemClock(new SystemClockSource.PllExternalOscillatorAt48MHz(
 *         SystemClockSource.OscillatorFrequency.Frequency16MHz,
 *         SystemClockSource.OscillatorStartup.FastStart), chip.flashController());
 * }</pre>
 *
 * <p>Tock counterpart: {@code sam4l::pm::SystemClockSource} (with {@code OscillatorFrequency},
 * {@code OscillatorStartup} and {@code RcfastFrequency}).
 */
public sealed interface SystemClockSource {

    /** The external crystal's frequency. */
    enum OscillatorFrequency {
        Frequency16MHz
    }

    /** The external oscillator's start-up time setting. */
    enum OscillatorStartup {
        /** About 0.5 ms on the silicon. */
        FastStart,
        /** About 8.9 ms on the silicon. */
        SlowStart
    }

    /** The RCFAST oscillator's frequency range. */
    enum RcfastFrequency {
        Frequency4MHz,
        Frequency8MHz,
        Frequency12MHz
    }

    /** RCSYS, which the chip starts on: 115 kHz. */
    record RcsysAt115kHz() implements SystemClockSource {}

    /** The 1 MHz RC oscillator. */
    record Rc1M() implements SystemClockSource {}

    /** The RCFAST oscillator at 4, 8 or 12 MHz. */
    record Rcfast(RcfastFrequency frequency) implements SystemClockSource {}

    /** The external crystal on OSC0, directly. */
    record ExternalOscillator(OscillatorFrequency frequency, OscillatorStartup startupMode)
            implements SystemClockSource {}

    /** PLL0 from the external crystal on OSC0: 48 MHz (what imix and Hail use). */
    record PllExternalOscillatorAt48MHz(OscillatorFrequency frequency, OscillatorStartup startupMode)
            implements SystemClockSource {}

    /** DFLL0 from RC32K: 48 MHz nominal. */
    record DfllRc32kAt48MHz() implements SystemClockSource {}

    /** The 80 MHz RC oscillator, CPU clock divided by 2. */
    record Rc80M() implements SystemClockSource {}
}
