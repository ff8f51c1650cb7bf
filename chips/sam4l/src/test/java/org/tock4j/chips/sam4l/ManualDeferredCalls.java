package org.tock4j.chips.sam4l;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;

/** Deferred calls serviced by the test's stand-in kernel loop. */
final class ManualDeferredCalls implements DeferredCalls {
    private final List<Call> calls = new ArrayList<>();

    @Override
    public DeferredCall create() {
        Call call = new Call();
        calls.add(call);
        return call;
    }

    @Override
    public boolean hasTasks() {
        return calls.stream().anyMatch(c -> c.pending);
    }

    @Override
    public int serviceNextPending() {
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (call.pending) {
                call.pending = false;
                call.client.handleDeferredCall();
                return i;
            }
        }
        return -1;
    }

    @Override
    public void verifySetup() {
        if (calls.size() > MAX || calls.stream().anyMatch(c -> c.client == null)) {
            throw new KernelPanic("deferred calls not set up");
        }
    }

    int size() {
        return calls.size();
    }

    private static final class Call implements DeferredCall {
        DeferredCallClient client;
        boolean pending;

        @Override
        public void register(DeferredCallClient client) {
            this.client = client;
        }

        @Override
        public void set() {
            pending = true;
        }

        @Override
        public boolean isPending() {
            return pending;
        }
    }
}
