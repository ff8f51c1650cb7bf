package org.tock4j.benchmarks.report;

/**
 * One target of the performance issue checked against the figures: what was measured, the target, whether it
 * was met, by how much, and, where it was missed, why.
 *
 * @param measurement the measurement number and name, e.g. {@code "1. System call round trip"}
 * @param measured the figure as the report states it, with its baseline where it has one
 * @param margin how far from the target, e.g. {@code "2.1× over"} or {@code "38% under"}
 * @param why what the time goes into, for a missed target; empty otherwise
 */
record Verdict(String measurement, String target, String measured, Status status, String margin, String why) {

    enum Status {
        MET("met"),
        MISSED("missed"),
        NOT_MEASURED("not measured"),
        REPORTED("reported (no target)");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
