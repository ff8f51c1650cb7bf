/**
 * Deferred calls of one board.
 *
 * <pre>{@code
 * DeferredCalls calls = new DeferredCallManager();
 * DeferredCall dc = calls.create();
 * dc.register(client);
 * dc.set();
 * calls.serviceNextPending();   // client.handleDeferredCall()
 * }</pre>
 */
package org.tock4j.kernel.core.deferred;
