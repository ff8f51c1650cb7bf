package org.tock4j.kernel.deferred;

/**
 * Something that asked for a deferred call and runs when it is serviced.
 *
 * <p>Tock counterpart: {@code kernel::deferred_call::DeferredCallClient}.
 */
public interface DeferredCallClient {

    void handleDeferredCall();

    /** Registers this client with its deferred call; boards check every deferred call was registered. */
    void register();
}
