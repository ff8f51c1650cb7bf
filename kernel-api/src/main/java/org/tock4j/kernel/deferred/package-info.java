/**
 * Deferred calls: split-phase drivers call their clients back from the kernel loop, never from inside the
 * request.
 *
 * <pre>
 *   request() ── deferredCall.set() ──► kernel loop: serviceNextPending() ──► client.handleDeferredCall()
 * </pre>
 */
package org.tock4j.kernel.deferred;
