package org.tock4j.chips.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class VirtualClockTests {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> log = new ArrayList<>();

    private Runnable record(String what) {
        return () -> log.add(what + "@" + clock.now());
    }

    @Test
    void eventsRunInTimeOrderEachAtItsOwnTime() {
        clock.schedule(300, record("c"));
        clock.schedule(100, record("a"));
        clock.schedule(200, record("b"));

        clock.advanceTo(1_000);

        assertThat(log).containsExactly("a@100", "b@200", "c@300");
        assertThat(clock.now()).isEqualTo(1_000);
    }

    @Test
    void eventsDueAtTheSameTimeRunInInsertionOrder() {
        clock.schedule(50, record("first"));
        clock.schedule(50, record("second"));
        clock.schedule(50, record("third"));

        clock.advanceTo(50);

        assertThat(log).containsExactly("first@50", "second@50", "third@50");
    }

    @Test
    void advanceToRunsEventsDueExactlyAtTheTargetButNotLater() {
        clock.schedule(100, record("due"));
        clock.schedule(101, record("later"));

        clock.advanceTo(100);

        assertThat(log).containsExactly("due@100");
        assertThat(clock.nextEventTime()).hasValue(101);
    }

    @Test
    void anEventMayScheduleMoreEventsThatRunIfDue() {
        clock.schedule(10, () -> {
            log.add("outer@" + clock.now());
            clock.scheduleAfter(5, record("inner"));
            clock.scheduleAfter(500, record("far"));
        });

        clock.advanceTo(100);

        assertThat(log).containsExactly("outer@10", "inner@15");
        assertThat(clock.nextEventTime()).hasValue(510);
    }

    @Test
    void aCancelledEventNeverRuns() {
        ScheduledEvent e = clock.schedule(10, record("cancelled"));
        clock.schedule(20, record("kept"));

        assertThat(e.cancel()).isTrue();
        clock.advanceTo(100);

        assertThat(log).containsExactly("kept@20");
        assertThat(e.isPending()).isFalse();
        assertThat(e.cancel()).isFalse();
    }

    @Test
    void anEventScheduledInThePastIsDueNow() {
        clock.advanceTo(1_000);
        ScheduledEvent e = clock.schedule(10, record("late"));

        assertThat(e.timeNs()).isEqualTo(1_000);
        clock.advanceTo(1_000);
        assertThat(log).containsExactly("late@1000");
    }

    @Test
    void timeNeverGoesBack() {
        clock.advanceTo(100);
        assertThatThrownBy(() -> clock.advanceTo(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");
    }

    @Test
    void advancingFromInsideAnEventIsRejected() {
        clock.schedule(10, () -> clock.advanceTo(20));
        assertThatThrownBy(() -> clock.advanceTo(30)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sleepAdvancesToTheNextEventOnly() {
        clock.schedule(100, record("a"));
        clock.schedule(200, record("b"));

        assertThat(clock.sleepUntilNextEvent()).isTrue();

        assertThat(log).containsExactly("a@100");
        assertThat(clock.now()).isEqualTo(100);
    }

    @Test
    void sleepNeverPassesTheHorizon() {
        clock.schedule(1_000, record("beyond"));
        clock.setHorizon(400);

        assertThat(clock.sleepUntilNextEvent()).isFalse();

        assertThat(clock.now()).isEqualTo(400);
        assertThat(log).isEmpty();
        assertThat(clock.sleepUntilNextEvent()).isFalse();
        assertThat(clock.now()).isEqualTo(400);
    }

    @Test
    void sleepWithNoEventStopsAtTheHorizon() {
        clock.setHorizon(5_000);
        assertThat(clock.sleepUntilNextEvent()).isFalse();
        assertThat(clock.now()).isEqualTo(5_000);
    }

    @Test
    void anEventExactlyAtTheHorizonRuns() {
        clock.schedule(400, record("edge"));
        clock.setHorizon(400);

        assertThat(clock.sleepUntilNextEvent()).isTrue();
        assertThat(log).containsExactly("edge@400");
    }

    @Test
    void sleepAtFullSpeedWithNothingToWaitForStaysPut() {
        assertThat(clock.sleepUntilNextEvent()).isFalse();
        assertThat(clock.now()).isZero();
        assertThat(clock.nextEventTime()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void cpuExecutionMayPassTheHorizon() {
        clock.setHorizon(100);
        clock.schedule(150, record("run"));

        clock.advanceTo(200);

        assertThat(log).containsExactly("run@150");
        assertThat(clock.now()).isEqualTo(200);
    }

    @Test
    void hostActionsRunOnTheClockThreadAtTheNextSleep() throws InterruptedException {
        clock.advanceTo(700);
        Thread host = Thread.ofPlatform().start(() -> clock.postFromHost(record("key")));
        host.join();

        assertThat(log).isEmpty();
        assertThat(clock.sleepUntilNextEvent()).isTrue();
        assertThat(log).containsExactly("key@700");
    }
}
