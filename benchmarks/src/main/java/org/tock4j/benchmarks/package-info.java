/**
 * The benchmarks: what users of tock4j pay for, each measured beside its in-run baseline.
 *
 * <pre>{@code
 * ./tock4j bench                                   # every benchmark, then docs/performance-report.md
 * }</pre>
 *
 * <p>The apps they run drive virtual time, so each run does the same work; only wall time is measured.
 */
package org.tock4j.benchmarks;
