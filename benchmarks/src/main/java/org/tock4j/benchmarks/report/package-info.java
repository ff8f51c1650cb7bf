/**
 * The performance report: runs every benchmark through JMH, checks the figures against the targets of the
 * performance issue, and writes {@code docs/performance-report.md}.
 *
 * <pre>{@code
 * ./tock4j bench            # the suite (under 10 minutes), then the report
 * ./tock4j bench --quick    # a smoke run with fewer iterations
 * }</pre>
 *
 * <p>Internal to the benchmarks module.
 */
package org.tock4j.benchmarks.report;
