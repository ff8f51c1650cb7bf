package org.tock4j.kernel.core.deferred;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;

/**
 * A board's deferred calls: a 32-bit pending mask and up to 32 registered clients, serviced lowest bit first.
 *
 * <p>Tock counterpart: the statics of {@code kernel::deferred_call} ({@code CTR}, {@code BITMASK},
 * {@code DEFCALLS}), one set per board here.
 */
public final class DeferredCallManager implements DeferredCalls {
    private final DeferredCallClient[] clients = new DeferredCallClient[MAX];
    private int counter;
    private int bitmask;

    /** A board's empty set of deferred calls. */
    public DeferredCallManager() {}

    @Override
    public DeferredCall create() {
        int idx = counter++;
        return new Handle(idx);
    }

    @Override
    public boolean hasTasks() {
        return bitmask != 0;
    }

    @Override
    public int serviceNextPending() {
        if (bitmask == 0) {
            return -1;
        }
        int bit = Integer.numberOfTrailingZeros(bitmask);
        bitmask &= ~(1 << bit);
        DeferredCallClient client = clients[bit];
        if (client == null) {
            return -1;
        }
        client.handleDeferredCall();
        return bit;
    }

    @Override
    public void verifySetup() {
        int registered = 0;
        for (DeferredCallClient c : clients) {
            if (c != null) {
                registered++;
            }
        }
        if (counter > MAX) {
            throw new KernelPanic("ERROR: too many deferred calls: " + counter);
        } else if (counter != registered) {
            throw new KernelPanic("ERROR: " + counter + " deferred calls, " + registered
                    + " registered. A component may have forgotten to register a deferred call.");
        }
    }

    private final class Handle implements DeferredCall {
        private final int idx;

        Handle(int idx) {
            this.idx = idx;
        }

        @Override
        public void register(DeferredCallClient client) {
            // As in Tock, a call beyond the 32 slots is never registered; verifySetup reports it.
            if (idx < MAX) {
                clients[idx] = client;
            }
        }

        @Override
        public void set() {
            if (idx < MAX) {
                bitmask |= 1 << idx;
            }
        }

        @Override
        public boolean isPending() {
            return idx < MAX && (bitmask & (1 << idx)) != 0;
        }
    }
}
