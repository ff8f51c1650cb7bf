/**
 * Internal: the RNG capsule, random bytes into process buffers.
 *
 * <pre>{@code
 * RngDriver driver = new RngDriver(trng, grant);   // as RngComponent does
 * trng.setClient(driver);
 * }</pre>
 */
package org.tock4j.capsules.core.rng;
