package org.tock4j.benchmarks.report;

import java.util.List;

/**
 * One benchmark class of the suite and how JMH runs it: one fork, its warm-up and measurement iterations, and
 * the fork's JVM options.
 *
 * @param title what the group measures, for the report
 * @param benchmark the JMH benchmark class
 * @param singleShot whether each iteration is one invocation (JMH's SingleShotTime), not a timed loop
 * @param warmups warm-up iterations
 * @param warmupSeconds seconds per warm-up iteration (timed loops only)
 * @param iterations measurement iterations
 * @param iterationSeconds seconds per measurement iteration (timed loops only)
 * @param jvmArgs options of the forked JVM
 */
record SuiteGroup(String title, Class<?> benchmark, boolean singleShot, int warmups, int warmupSeconds,
        int iterations, int iterationSeconds, List<String> jvmArgs) {

    /** A timed-loop group (JMH AverageTime). */
    static SuiteGroup timed(String title, Class<?> benchmark, int warmups, int iterations, int seconds,
            List<String> jvmArgs) {
        return new SuiteGroup(title, benchmark, false, warmups, seconds, iterations, seconds, jvmArgs);
    }

    /** A single-shot group: each iteration is one invocation. */
    static SuiteGroup singleShot(String title, Class<?> benchmark, int warmups, int iterations,
            List<String> jvmArgs) {
        return new SuiteGroup(title, benchmark, true, warmups, 0, iterations, 0, jvmArgs);
    }

    /** The JMH settings, as one line of the report. */
    String settings() {
        String timing = singleShot
                ? warmups + " warm-up + " + iterations + " measured single-shot iterations"
                : warmups + " × " + warmupSeconds + " s warm-up + " + iterations + " × " + iterationSeconds
                        + " s measured iterations (average time)";
        return "1 fork, 1 thread, " + timing + "; JVM options `" + String.join(" ", jvmArgs) + "`";
    }
}
