/**
 * The bench board: the nRF52840-DK as its Guice module wires it, plus the bench capsule, with a way to run
 * its apps one batch at a time.
 *
 * <pre>{@code
 * try (BenchBoard bench = BenchBoard.boot(counter, AppSource.of(() -> new NopCommandLoop("nop", counter)))) {
 *     bench.runBatch(1000);
 * }
 * }</pre>
 *
 * <p>Internal to the benchmarks module.
 */
package org.tock4j.benchmarks.board;
