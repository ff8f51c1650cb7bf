package org.tock4j.kernel.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;

/** A board's deferred calls (Tock's {@code kernel/src/deferred_call.rs}). */
class DeferredCallManagerTests {
    private final DeferredCallManager calls = new DeferredCallManager();
    private final List<String> ran = new ArrayList<>();

    private DeferredCall registered(String name) {
        DeferredCall call = calls.create();
        call.register(new DeferredCallClient() {
            @Override
            public void handleDeferredCall() {
                ran.add(name);
            }

            @Override
            public void register() {}
        });
        return call;
    }

    @Test
    void pendingCallsAreServicedLowestNumberFirstOneAtATime() {
        DeferredCall first = registered("first");
        DeferredCall second = registered("second");
        DeferredCall third = registered("third");
        third.set();
        first.set();
        second.set();

        assertThat(calls.serviceNextPending()).isZero();
        assertThat(calls.serviceNextPending()).isEqualTo(1);
        assertThat(calls.serviceNextPending()).isEqualTo(2);

        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(calls.serviceNextPending()).isEqualTo(-1);
    }

    @Test
    void setMarksACallPendingUntilItIsServiced() {
        DeferredCall call = registered("c");
        assertThat(calls.hasTasks()).isFalse();

        call.set();
        call.set();
        assertThat(call.isPending()).isTrue();
        assertThat(calls.hasTasks()).isTrue();

        calls.serviceNextPending();
        assertThat(call.isPending()).isFalse();
        assertThat(calls.hasTasks()).isFalse();
        assertThat(ran).containsExactly("c");
    }

    @Test
    void aCallSetFromItsOwnHandlerRunsAgainLater() {
        DeferredCall[] self = new DeferredCall[1];
        self[0] = calls.create();
        self[0].register(new DeferredCallClient() {
            @Override
            public void handleDeferredCall() {
                ran.add("again");
                if (ran.size() < 3) {
                    self[0].set();
                }
            }

            @Override
            public void register() {}
        });
        self[0].set();

        while (calls.hasTasks()) {
            calls.serviceNextPending();
        }

        assertThat(ran).hasSize(3);
    }

    @Test
    void verifySetupPanicsOnACallThatWasNeverRegistered() {
        registered("ok");
        calls.create();

        assertThatThrownBy(calls::verifySetup).isInstanceOf(KernelPanic.class)
                .hasMessage("ERROR: 2 deferred calls, 1 registered. A component may have forgotten to register a "
                        + "deferred call.");
    }

    @Test
    void verifySetupPanicsOnMoreThanThirtyTwoCalls() {
        for (int i = 0; i < DeferredCalls.MAX + 1; i++) {
            registered("c" + i);
        }

        assertThatThrownBy(calls::verifySetup).isInstanceOf(KernelPanic.class)
                .hasMessage("ERROR: too many deferred calls: 33");
    }

    @Test
    void verifySetupAcceptsEveryCallRegistered() {
        for (int i = 0; i < DeferredCalls.MAX; i++) {
            registered("c" + i);
        }

        calls.verifySetup();
        DeferredCall last = calls.create();
        assertThat(last).isNotNull();
    }

    @Test
    void aCallSetButNeverRegisteredIsClearedAndServicedAsNothing() {
        DeferredCall orphan = calls.create();
        orphan.set();

        assertThat(calls.serviceNextPending()).isEqualTo(-1);
        assertThat(orphan.isPending()).isFalse();
        assertThat(calls.hasTasks()).isFalse();
    }

    @Test
    void eachOfTheThirtyTwoCallsHasItsOwnPendingBit() {
        List<DeferredCall> all = new ArrayList<>();
        for (int i = 0; i < DeferredCalls.MAX; i++) {
            all.add(registered("c" + i));
        }

        for (int i = 0; i < DeferredCalls.MAX; i++) {
            all.get(i).set();
            for (int j = 0; j < DeferredCalls.MAX; j++) {
                assertThat(all.get(j).isPending()).as("call %d after setting call %d", j, i).isEqualTo(j == i);
            }
            assertThat(calls.serviceNextPending()).isEqualTo(i);
        }
        assertThat(ran).hasSize(DeferredCalls.MAX);
    }

    @Test
    void aThirtyThirdCallIsNeverRegisteredNorPendingAndTouchesNoOtherCall() {
        List<DeferredCall> all = new ArrayList<>();
        for (int i = 0; i < DeferredCalls.MAX + 1; i++) {
            all.add(registered("c" + i));
        }
        DeferredCall first = all.getFirst();
        DeferredCall extra = all.getLast();

        extra.set();
        assertThat(extra.isPending()).isFalse();
        assertThat(first.isPending()).isFalse();
        assertThat(calls.hasTasks()).isFalse();

        first.set();
        assertThat(extra.isPending()).isFalse();
        assertThat(calls.serviceNextPending()).isZero();
        assertThat(ran).containsExactly("c0");
    }
}
