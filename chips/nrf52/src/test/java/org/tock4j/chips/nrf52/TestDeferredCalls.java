package org.tock4j.chips.nrf52;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;

/** Deferred calls as Tock's kernel keeps them (a bitmask, lowest first), for chip tests only. */
final class TestDeferredCalls implements DeferredCalls {
    private final List<DeferredCallClient> clients = new ArrayList<>();
    private int pending;

    @Override
    public DeferredCall create() {
        int index = clients.size();
        clients.add(null);
        return new DeferredCall() {
            @Override
            public void register(DeferredCallClient client) {
                clients.set(index, client);
            }

            @Override
            public void set() {
                pending |= 1 << index;
            }

            @Override
            public boolean isPending() {
                return (pending & (1 << index)) != 0;
            }
        };
    }

    @Override
    public boolean hasTasks() {
        return pending != 0;
    }

    @Override
    public int serviceNextPending() {
        if (pending == 0) {
            return -1;
        }
        int index = Integer.numberOfTrailingZeros(pending);
        pending &= ~(1 << index);
        clients.get(index).handleDeferredCall();
        return index;
    }

    @Override
    public void verifySetup() {
        if (clients.contains(null)) {
            throw new KernelPanic("a deferred call was never registered");
        }
    }
}
