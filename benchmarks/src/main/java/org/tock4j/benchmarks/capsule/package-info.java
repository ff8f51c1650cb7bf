/**
 * The benchmarks' own capsule: the cheapest command there is, a console-shaped write completed by a deferred
 * call, and a host-started "batch" upcall.
 *
 * <pre>{@code
 * BenchDriverHandle handle = new BenchDriverHandle();    // bound in the board's Guice module
 * // boot a board whose plan names "bench" ...
 * handle.driver().startBatch(1000);                     // every subscribed process gets upcall 1 (1000)
 * }</pre>
 *
 * <p>Internal to the benchmarks module.
 */
package org.tock4j.benchmarks.capsule;
