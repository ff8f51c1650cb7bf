package org.tock4j.kernel.deferred;

/**
 * One deferred call: a way for a driver to run code later from the kernel loop instead of calling its client
 * from inside a request (which HILs forbid).
 *
 * <pre>{@code
 * DeferredCall deferredCall = deferredCalls.create();
 * deferredCall.register(this);
 * ...
 * deferredCall.set();          // handleDeferredCall() runs from the kernel loop
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::deferred_call::DeferredCall}.
 */
public interface DeferredCall {

    void register(DeferredCallClient client);

    /** Asks for the client to be called from the kernel loop. */
    void set();

    boolean isPending();
}
