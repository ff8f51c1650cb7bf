/**
 * The apps the benchmarks run: each reaches the kernel only through system calls, and each works in batches
 * the host starts, so a benchmark can time a known number of operations.
 *
 * <pre>{@code
 * BatchCounter counter = new BatchCounter();
 * AppSource nop = AppSource.of(() -> new NopCommandLoop("nop", counter));
 * // boot a bench board with it, then: handle.driver().startBatch(1000);
 * board.runUntil(() -> counter.completed() >= 1000, Duration.ofHours(1));
 * }</pre>
 *
 * <p>Internal to the benchmarks module.
 */
package org.tock4j.benchmarks.apps;
