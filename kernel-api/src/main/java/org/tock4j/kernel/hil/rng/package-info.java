/**
 * The random number HIL.
 *
 * <pre>{@code
 * rng.setClient((words, error) -> { int w = words.next(); return Continue.Done; });
 * rng.get();
 * }</pre>
 */
package org.tock4j.kernel.hil.rng;
