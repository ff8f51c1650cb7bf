package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.testing.RecordingWatchdog;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.Timeline;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;

/**
 * The main loop's outer shell (seed {@code kernel.rs}, {@code kernel_loop} and the top of
 * {@code kernel_loop_operation}): the watchdog is set up once, tickled at the start of every loop operation and
 * suspended only while the chip sleeps; the deferred calls are checked before the first operation; and
 * {@code kernelLoop} runs operations until its thread is interrupted.
 */
class KernelLoopWatchdogTests {
    private static final String SETUP = "watchdog.setup";
    private static final String TICKLE = "watchdog.tickle";
    private static final String SUSPEND = "watchdog.suspend";
    private static final String RESUME = "watchdog.resume";

    private final Timeline timeline = new Timeline();
    private final TestBoard board = new TestBoard().watchdog(new RecordingWatchdog(timeline));

    @AfterEach
    void closeBoard() {
        board.close();
        // Never leak an interrupt into the next test, whatever happened in this one.
        Thread.interrupted();
    }

    /**
     * A scheduler that never runs anything: it asks for sleep, and on its {@code interruptAt}-th decision
     * interrupts the thread running the loop (0: never). A loop that runs on regardless fails the test rather
     * than hanging it.
     */
    private static class SleepyScheduler implements Scheduler {
        private static final int RUNAWAY = 1_000;
        private final int interruptAt;
        private int decisions;

        SleepyScheduler(int interruptAt) {
            this.interruptAt = interruptAt;
        }

        @Override
        public SchedulingDecision next() {
            decisions++;
            if (decisions > RUNAWAY) {
                throw new AssertionError("the kernel loop ran " + RUNAWAY + " operations without stopping");
            }
            if (decisions == interruptAt) {
                Thread.currentThread().interrupt();
            }
            return SchedulingDecision.TRY_SLEEP;
        }

        @Override
        public void result(StoppedExecutingReason result, OptionalInt executionTimeUs) {}
    }

    private void operation() {
        board.kernel().kernelLoopOperation(board.resources(), board.chip(), false, Capability.mainLoop());
    }

    @Test
    void kernelLoopSetupSetsUpTheWatchdogOnceAndTicklesNothing() {
        board.kernel().kernelLoopSetup(board.resources(), Capability.mainLoop());

        assertThat(timeline.events()).containsExactly(SETUP);
    }

    @Test
    void kernelLoopSetupPanicsOnADeferredCallThatWasAllocatedButNeverRegistered() {
        board.deferredCalls().create();

        assertThatThrownBy(() -> board.kernel().kernelLoopSetup(board.resources(), Capability.mainLoop()))
                .isInstanceOf(KernelPanic.class)
                .hasMessage("ERROR: 1 deferred calls, 0 registered. A component may have forgotten to register a "
                        + "deferred call.");
    }

    @Test
    void eachLoopOperationTicklesTheWatchdogOnceWhateverItDoes() {
        board.scheduler(new SleepyScheduler(0) {
            @Override
            public SchedulingDecision next() {
                super.next();
                return new SchedulingDecision.RunProcess(board.process("a").processid(), OptionalInt.of(10_000));
            }
        });
        board.addApp(TestApps.app("a", sys -> timeline.add("app ran")));
        board.load();
        board.chip().raiseInterrupt(() -> timeline.add("interrupt serviced"));

        operation(); // kernel work
        operation(); // the process
        operation(); // the process again: nothing left to do

        assertThat(timeline.events()).containsExactly(TICKLE, "interrupt serviced", TICKLE, "app ran", TICKLE);
    }

    @Test
    void theWatchdogIsSuspendedExactlyWhileTheChipSleeps() {
        board.scheduler(new SleepyScheduler(0));
        board.chip().at(7_000_000, () -> timeline.add("woke at 7 ms"));

        operation();

        assertThat(timeline.events()).containsExactly(TICKLE, SUSPEND, "woke at 7 ms", RESUME);
        assertThat(board.chip().sleepCount()).isEqualTo(1);
    }

    @Test
    void theWatchdogIsNotSuspendedWhenAPendingInterruptCancelsTheSleep() {
        board.scheduler(new SleepyScheduler(0) {
            @Override
            public boolean doKernelWorkNow(Chip chip, DeferredCalls deferredCalls) {
                return false;
            }
        });
        board.chip().raiseInterrupt(() -> { });

        operation();

        assertThat(timeline.events()).containsExactly(TICKLE);
        assertThat(board.chip().sleepCount()).isZero();
    }

    @Test
    void noSleepOperationsNeverSuspendTheWatchdog() {
        board.scheduler(new SleepyScheduler(0));

        board.kernel().kernelLoopOperation(board.resources(), board.chip(), true, Capability.mainLoop());

        assertThat(timeline.events()).containsExactly(TICKLE);
        assertThat(board.chip().sleepCount()).isZero();
    }

    @Test
    void kernelLoopSetsUpThenRunsOperationsUntilItsThreadIsInterrupted() {
        board.scheduler(new SleepyScheduler(3));

        board.kernel().kernelLoop(board.resources(), board.chip(), Capability.mainLoop());

        assertThat(Thread.interrupted()).as("the loop leaves the interrupt set").isTrue();
        assertThat(timeline.events()).containsExactly(SETUP,
                TICKLE, SUSPEND, RESUME,
                TICKLE, SUSPEND, RESUME,
                TICKLE, SUSPEND, RESUME);
        assertThat(board.chip().sleepCount()).isEqualTo(3);
    }

    @Test
    void kernelLoopChecksTheDeferredCallsBeforeItsFirstOperation() {
        board.scheduler(new SleepyScheduler(1));
        board.deferredCalls().create().register(new DeferredCallClient() {
            @Override
            public void handleDeferredCall() {}

            @Override
            public void register() {}
        });
        board.deferredCalls().create();

        assertThatThrownBy(() -> board.kernel().kernelLoop(board.resources(), board.chip(), Capability.mainLoop()))
                .isInstanceOf(KernelPanic.class).hasMessageStartingWith("ERROR: 2 deferred calls, 1 registered.");
        assertThat(timeline.events()).containsExactly(SETUP);
    }

    @Test
    void anAlreadyInterruptedThreadOnlySetsTheLoopUp() {
        board.scheduler(new SleepyScheduler(0));
        Thread.currentThread().interrupt();

        board.kernel().kernelLoop(board.resources(), board.chip(), Capability.mainLoop());

        assertThat(Thread.interrupted()).isTrue();
        assertThat(timeline.events()).containsExactly(SETUP);
    }
}
