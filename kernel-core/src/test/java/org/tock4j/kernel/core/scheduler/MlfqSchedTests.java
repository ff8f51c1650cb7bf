package org.tock4j.kernel.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.testing.RecordingScheduler;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestCounter;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.hil.time.Time;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessTable;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * Tock's multilevel feedback queue ({@code kernel/src/scheduler/mlfq.rs}): on a whole kernel whose boost period
 * is measured by a 32768 Hz, 24-bit counter on the virtual clock (the nRF52's RTC), and over mock processes for
 * the queue arithmetic.
 */
class MlfqSchedTests {
    private final TestBoard board = new TestBoard();
    private final MlfqSched mlfq =
            new MlfqSched(board.kernel().processSlotSuppliers(), new TestCounter(board.chip(), 32_768, 24));
    private final RecordingScheduler scheduler = new RecordingScheduler(mlfq);
    private final List<String> log = new ArrayList<>();

    MlfqSchedTests() {
        board.scheduler(scheduler);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private static TestApps.Main spinning() {
        return sys -> {
            while (true) {
                sys.busy(1_000);
            }
        };
    }

    private int queueOf(String name) {
        return mlfq.queueOf(board.process(name).processid()).orElseThrow();
    }

    @Test
    void mlfqTakesItsTimeslicesAndBoostPeriodFromTock() {
        assertThat(MlfqSched.getTimesliceUs(0)).isEqualTo(10_000);
        assertThat(MlfqSched.getTimesliceUs(1)).isEqualTo(20_000);
        assertThat(MlfqSched.getTimesliceUs(2)).isEqualTo(50_000);
        assertThat(MlfqSched.PRIORITY_REFRESH_PERIOD_MS).isEqualTo(5_000);
        assertThat(MlfqSched.NUM_QUEUES).isEqualTo(3);
        assertThatThrownBy(() -> MlfqSched.getTimesliceUs(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mlfqDemotesAProcessThatUsesItsWholeTimeslice() {
        board.addApp(TestApps.app("a", spinning()));
        board.load();
        List<Integer> queues = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            board.step();
            queues.add(queueOf("a"));
        }

        assertThat(board.chip().schedulerTimer().starts()).containsExactly(10_000, 20_000, 50_000, 50_000);
        assertThat(queues).containsExactly(1, 2, 2, 2);
        assertThat(scheduler.reasons()).containsOnly(StoppedExecutingReason.TimesliceExpired);
        assertThat(board.chip().nowUs()).isEqualTo(130_000);
    }

    @Test
    void mlfqKeepsAProcessThatYieldsBeforeItsTimesliceEndsInItsQueueWithTocksRemainingTime() {
        board.addApp(TestApps.app("a", sys -> {
            sys.busy(3_000);
            TestApps.park(sys);
        }));
        board.addApp(TestApps.app("b", sys -> log.add("b ran")));
        board.load();

        board.steps(3);

        assertThat(queueOf("a")).isZero();
        assertThat(queueOf("b")).isZero();
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.NoWorkLeft,
                StoppedExecutingReason.NoWorkLeft);
        // Tock keeps "timeslice given - time executed" as the time used in the queue: a, which ran about 3 ms,
        // would next get 10 ms minus the 7 ms it did not use.
        int executed = scheduler.results().getFirst().executionTimeUs().orElseThrow();
        assertThat(executed).isBetween(3_000, 3_100);
        assertThat(mlfq.usedThisQueue(board.process("a").processid())).hasValue(10_000 - executed);
    }

    @Test
    void mlfqNeverStopsAProcessForKernelWorkBeforeItsTimesliceEnds() {
        board.addApp(TestApps.app("a", spinning()));
        board.load();
        board.chip().interruptAt(3_500_000, () -> log.add("serviced at " + board.chip().nowUs() / 1000 + " ms"));

        board.steps(2);

        assertThat(log).containsExactly("serviced at 10 ms");
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.TimesliceExpired);
    }

    @Test
    void mlfqBoostsEveryProcessToTheTopQueueEachBoostPeriod() {
        board.addApp(TestApps.app("a", spinning()));
        board.addApp(TestApps.app("b", sys -> {
            // 15 ms of work: a whole 10 ms slice in queue 0, then it yields early in queue 1.
            for (int i = 0; i < 15; i++) {
                sys.busy(1_000);
            }
        }));
        board.load();

        board.runUntil(() -> board.chip().nowUs() >= 4_900_000, 200);
        assertThat(queueOf("a")).isEqualTo(2);
        assertThat(queueOf("b")).isEqualTo(1);
        board.runUntil(() -> board.chip().nowUs() >= MlfqSched.PRIORITY_REFRESH_PERIOD_MS * 1000L, 10);
        int startsBeforeBoost = board.chip().schedulerTimer().starts().size();

        // The first decision on or after 5 s finds the boost period over.
        board.step();

        assertThat(queueOf("b")).isZero();
        assertThat(board.chip().schedulerTimer().starts().subList(startsBeforeBoost - 1, startsBeforeBoost + 1))
                .containsExactly(50_000, 10_000);
        // a was boosted, ran its 10 ms in queue 0, and went down again.
        assertThat(queueOf("a")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the queues, over mock processes

    /** A counter the test moves by hand: 1 kHz, 32 bits. */
    private static final class ManualTime implements Time {
        long ms;

        @Override
        public int frequency() {
            return 1_000;
        }

        @Override
        public Ticks now() {
            return Ticks.of(ms, 32);
        }
    }

    private final ProcessTable table = mock(ProcessTable.class);

    private Process process(int index) {
        Process p = mock(Process.class);
        when(p.processid()).thenReturn(ProcessId.newExternal(table, 100 + index, index, Capability.externalProcess()));
        when(p.ready()).thenReturn(true);
        return p;
    }

    private static MlfqSched mlfq(Time time, Process... slots) {
        List<Supplier<Process>> suppliers = new ArrayList<>();
        for (Process p : slots) {
            suppliers.add(() -> p);
        }
        return new MlfqSched(suppliers, time);
    }

    private static SchedulingDecision run(Process p, int timeslice) {
        return new SchedulingDecision.RunProcess(p.processid(), OptionalInt.of(timeslice));
    }

    @Test
    void mlfqBoostMovesOnlyTheHeadOfEachLowerQueueAsTockDoes() {
        ManualTime time = new ManualTime();
        Process a = process(0);
        Process b = process(1);
        Process c = process(2);
        MlfqSched s = mlfq(time, a, b, c);
        for (Process p : List.of(a, b, c)) {
            assertThat(s.next()).isEqualTo(run(p, 10_000));
            s.result(StoppedExecutingReason.TimesliceExpired, OptionalInt.of(10_000));
        }
        assertThat(s.queueOf(c.processid())).hasValue(1);

        time.ms = MlfqSched.PRIORITY_REFRESH_PERIOD_MS;

        assertThat(s.next()).isEqualTo(run(a, 10_000));
        assertThat(s.queueOf(a.processid())).hasValue(0);
        assertThat(s.queueOf(b.processid())).hasValue(1);
        assertThat(s.queueOf(c.processid())).hasValue(1);
    }

    @Test
    void mlfqBoostsAgainOnlyAfterAnotherWholePeriodEvenWhenTheCounterWraps() {
        ManualTime time = new ManualTime();
        time.ms = 0xFFFF_FFFFL - 1_000; // 1 s before the 32-bit counter wraps
        Process a = process(0);
        Process b = process(1);
        MlfqSched s = mlfq(time, a, b);
        s.next(); // the first decision always starts a period (Tock's reset ticks start at zero)
        s.result(StoppedExecutingReason.TimesliceExpired, OptionalInt.of(10_000));
        assertThat(s.queueOf(a.processid())).hasValue(1);

        time.ms = 3_000; // 4 s later, past the wrap
        s.next();
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(100));
        assertThat(s.queueOf(a.processid())).hasValue(1);

        time.ms = 3_999; // 5 s after the period began
        s.next();

        assertThat(s.queueOf(a.processid())).hasValue(0);
    }

    @Test
    void mlfqGivesTheWholeTimesliceWhereTocksArithmeticLeavesNoTime() {
        ManualTime time = new ManualTime();
        Process a = process(0);
        Process b = process(1);
        MlfqSched s = mlfq(time, a, b);
        s.next();
        s.result(StoppedExecutingReason.TimesliceExpired, OptionalInt.of(10_000)); // a to queue 1
        s.next();
        s.result(StoppedExecutingReason.TimesliceExpired, OptionalInt.of(10_000)); // b to queue 1
        assertThat(s.next()).isEqualTo(run(a, 20_000));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(2_000)); // Tock: a "used" 18 ms in queue 1
        assertThat(s.usedThisQueue(a.processid())).hasValue(18_000);
        assertThat(s.next()).isEqualTo(run(b, 20_000));
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(1_000));

        time.ms = MlfqSched.PRIORITY_REFRESH_PERIOD_MS; // a, the head of queue 1, goes to queue 0 with 18 ms used

        // 10 ms - 18 ms underflows in Tock; here a gets queue 0's whole timeslice.
        assertThat(s.next()).isEqualTo(run(a, 10_000));
    }

    @Test
    void mlfqNeedsAnExecutionTimeInEveryResult() {
        MlfqSched s = mlfq(new ManualTime(), process(0));
        s.next();

        assertThatThrownBy(() -> s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void mlfqKnowsNothingOfAProcessInNoQueue() {
        Process a = process(0);
        Process stranger = process(3);
        MlfqSched s = mlfq(new ManualTime(), a);

        assertThat(s.queueOf(stranger.processid())).isEmpty();
        assertThat(s.usedThisQueue(stranger.processid())).isEmpty();
        assertThat(s.queueOf(a.processid())).hasValue(0);
        assertThat(s.usedThisQueue(a.processid())).hasValue(0);
    }

    @Test
    void mlfqGivesTheWholeTimesliceWhenTocksArithmeticLeavesExactlyNothing() {
        Process a = process(0);
        MlfqSched s = mlfq(new ManualTime(), a);
        assertThat(s.next()).isEqualTo(run(a, 10_000));
        // Stopped at once: Tock counts the whole 10 ms as "used" in this queue, leaving a 0 us timeslice.
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(0));
        assertThat(s.usedThisQueue(a.processid())).hasValue(10_000);

        assertThat(s.next()).isEqualTo(run(a, 10_000));
        assertThat(s.usedThisQueue(a.processid())).hasValue(0);
    }

    @Test
    void mlfqGivesWhatTocksArithmeticLeavesWhenThatIsAtLeastOneMicrosecond() {
        Process a = process(0);
        MlfqSched s = mlfq(new ManualTime(), a);
        s.next();
        s.result(StoppedExecutingReason.NoWorkLeft, OptionalInt.of(1));

        assertThat(s.next()).isEqualTo(run(a, 1));
    }
}
