package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.scheduler.RoundRobinSched;
import org.tock4j.kernel.core.testing.RecordingScheduler;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.syscall.CommandReturn;

/**
 * The fast path: a process's own thread runs the kernel's system-call path while it holds the CPU, and hands
 * the CPU back exactly where {@code do_process} would stop.
 */
class FastPathTests {
    private static final int DRIVER = 0x99;

    private final TestBoard board = new TestBoard();
    private final TestDriver driver = new TestDriver(board, DRIVER, 1, 0, 0);
    private final RecordingScheduler scheduler = new RecordingScheduler(
            new RoundRobinSched(board.kernel().processSlotSuppliers(), 10_000));
    private final List<Object> log = new ArrayList<>();

    FastPathTests() {
        board.scheduler(scheduler);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void aCommandThatReturnsAtOnceIsHandledOnTheProcessesOwnThread() {
        board.addApp(TestApps.app("a", sys -> {
            log.add(Thread.currentThread());
            sys.command(DRIVER, 1, 0, 0);
            TestApps.park(sys);
        }));
        board.load();

        board.step();

        Thread appThread = (Thread) log.getFirst();
        assertThat(driver.calls()).singleElement().extracting(TestDriver.Call::thread).isSameAs(appThread);
        assertThat(appThread).isNotSameAs(Thread.currentThread());
        assertThat(appThread.isVirtual()).isTrue();
    }

    @Test
    void manySyscallsInARowCostNoSwitchToTheKernelThread() {
        board.addApp(TestApps.app("a", sys -> {
            for (int i = 0; i < 20; i++) {
                sys.command(DRIVER, i, 0, 0);
                sys.memop(2, 0);
                sys.yield(0, 0, 0);
            }
            TestApps.park(sys);
        }));
        board.load();

        board.step();

        assertThat(driver.calls()).hasSize(20);
        assertThat(board.boundary("a").switches()).isEqualTo(1);
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.NoWorkLeft);
    }

    @Test
    void aYieldWaitWithNothingQueuedHandsTheCpuBackToTheKernelThread() {
        board.addApp(TestApps.app("a", sys -> {
            sys.command(DRIVER, 1, 0, 0);
            sys.yield(1, 0, 0);
            log.add("woke");
        }));
        board.load();

        board.step();

        ProcessStandard a = board.process("a");
        assertThat(a.getState()).isEqualTo(State.YIELDED);
        assertThat(log).isEmpty();
        assertThat(board.kernel().cpu().heldByCurrentThread()).isTrue();
        assertThat(board.kernel().currentExecution()).isEmpty();
        assertThat(scheduler.results()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StoppedExecutingReason.NoWorkLeft);
            assertThat(r.thread()).isSameAs(Thread.currentThread());
        });
        assertThat(driver.calls().getFirst().thread()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void anUpcallAlreadyQueuedRunsOnTheProcessThreadWithoutASwitch() {
        driver.onCommand((n, x, y, pid) -> {
            driver.scheduleUpcall(pid, 0, 7, 0, 0);
            return CommandReturn.success();
        });
        board.addApp(TestApps.app("a", sys -> {
            Thread me = Thread.currentThread();
            sys.subscribe(DRIVER, 0, sys.upcallAddress((x, y, z, w) -> log.add(Thread.currentThread() == me)), 0);
            sys.command(DRIVER, 1, 0, 0);
            sys.yield(1, 0, 0);
            TestApps.park(sys);
        }));
        board.load();

        board.step();

        assertThat(log).containsExactly(true);
        assertThat(board.boundary("a").switches()).isEqualTo(1);
    }

    @Test
    void anUpcallArrivingLaterIsDeliveredBySwitchingFromTheKernelThread() {
        board.addApp(TestApps.app("a", sys -> {
            sys.subscribe(DRIVER, 0, sys.upcallAddress((x, y, z, w) -> log.add(x)), 0);
            sys.yield(1, 0, 0);
            TestApps.park(sys);
        }));
        board.load();
        board.step();
        assertThat(board.boundary("a").switches()).isEqualTo(1);

        driver.scheduleUpcall(board.process("a").processid(), 0, 3, 0, 0);
        board.step();

        assertThat(log).containsExactly(3);
        assertThat(board.boundary("a").switches()).isEqualTo(2);
    }

    @Test
    void theTimesliceRunningOutDuringTheFastPathEndsTheTurn() {
        board.scheduler(scheduler);
        board.addApp(TestApps.app("a", sys -> {
            while (true) {
                sys.command(DRIVER, 1, 0, 0);
            }
        }));
        board.addApp(TestApps.app("b", sys -> log.add("b ran")));
        board.load();

        board.steps(2);

        // 10 cycles (10 µs) a command: the turn ends once no more than 500 µs of the 10 ms are left, which is
        // after the 950th command.
        assertThat(scheduler.reasons()).containsExactly(StoppedExecutingReason.TimesliceExpired,
                StoppedExecutingReason.NoWorkLeft);
        assertThat(driver.calls()).hasSize(950);
        assertThat(log).containsExactly("b ran");
        assertThat(board.process("a").debugTimesliceExpirationCount()).isEqualTo(1);
    }

    @Test
    void anInterruptDuringTheFastPathPreemptsTheProcessForTheKernel() {
        board.addApp(TestApps.app("a", sys -> {
            while (true) {
                sys.command(DRIVER, 1, 0, 0);
            }
        }));
        board.load();
        board.chip().interruptAt(2_000_000, () -> log.add("serviced at " + board.chip().nowUs()));

        board.steps(2);

        assertThat(scheduler.reasons().getFirst()).isEqualTo(StoppedExecutingReason.KernelPreemption);
        assertThat(log).singleElement().asString().startsWith("serviced at 20");
    }

    @Test
    void aCapsuleThatThrowsOnTheFastPathPanicsTheKernelThread() {
        driver.onCommand((n, x, y, pid) -> {
            throw new IllegalStateException("capsule bug");
        });
        board.addApp(TestApps.app("a", sys -> {
            sys.command(DRIVER, 1, 0, 0);
            log.add("the app went on");
        }));
        board.load();

        assertThatThrownBy(board::step).isInstanceOf(KernelPanic.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(board.kernel().cpu().heldByCurrentThread()).isTrue();
        assertThat(log).isEmpty();
    }
}
