package org.tock4j.benchmarks.report;

import java.util.Locale;
import java.util.Map;

/**
 * One measured figure: a benchmark (with its parameters), its score, error and unit as JMH reported them, the
 * median of its measured iterations, and the secondary results (the heap counters of the scale benchmark).
 *
 * <p>The targets are checked on the median: on a shared machine an iteration that other work preempted
 * drags JMH's mean far more than the median.
 *
 * @param error the half-width of JMH's 99.9% confidence interval; NaN when too few iterations ran
 * @param median the median of the measured iterations' scores, in {@code unit}
 */
record Figure(String benchmark, String params, double score, double error, double median, String unit,
        Map<String, Double> secondary) {

    /** The median converted to nanoseconds (from JMH's time units, per operation). */
    double nanos() {
        return median * nanosPer(unit);
    }

    /** JMH's mean and error as it prints them: {@code 123.4 ± 5.6 ns/op}. */
    String text() {
        String value = Format.number(score);
        return Double.isNaN(error) || error == 0 ? value + " " + unit
                : value + " ± " + Format.number(error) + " " + unit;
    }

    private static double nanosPer(String unit) {
        String base = unit.toLowerCase(Locale.ROOT).replace("/op", "");
        return switch (base) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }
}
