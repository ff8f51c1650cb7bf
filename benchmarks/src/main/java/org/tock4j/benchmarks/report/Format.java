package org.tock4j.benchmarks.report;

import java.util.Locale;

/** Numbers as the report prints them: three significant digits, thousands separated, no locale surprises. */
final class Format {
    private Format() {}

    /** {@code 1234.5} → {@code "1,235"}, {@code 12.345} → {@code "12.3"}, {@code 0.01234} → {@code "0.0123"}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** A duration in nanoseconds in the unit that reads best: {@code 81 ns}, {@code 1.2 µs}, {@code 3.4 ms}. */
    static String nanos(double ns) {
        double magnitude = Math.abs(ns);
        if (magnitude >= 1e9) {
            return number(ns / 1e9) + " s";
        }
        if (magnitude >= 1e6) {
            return number(ns / 1e6) + " ms";
        }
        if (magnitude >= 1e3) {
            return number(ns / 1e3) + " µs";
        }
        return number(ns) + " ns";
    }

    /** A ratio: {@code 12.3×}. */
    static String times(double ratio) {
        return number(ratio) + "×";
    }
}
