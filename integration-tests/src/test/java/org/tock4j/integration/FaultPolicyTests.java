package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.ProcessInfo;
import org.tock4j.testkit.TestBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/**
 * What each fault policy does with a process that faults every time it runs, and what a restart gives the
 * process: a new id and zeroed memory.
 */
class FaultPolicyTests {

    /** Faults at once, every life: an uncaught exception. */
    public static final class Crasher implements App {
        @Override
        public String name() {
            return "crasher";
        }

        @Override
        public void main(Syscalls sys) {
            sys.command(0x2, 0, 0, 0);
            throw new IllegalStateException("boom");
        }
    }

    private static TestBoard boot(FaultPolicyChoice policy) {
        return TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello").app(AppSource.ofClass(Crasher.class))
                .faultPolicy(policy));
    }

    @Test
    void panicHaltsTheBoardWithAReportNamingTheProcess() {
        try (TestBoard board = boot(FaultPolicyChoice.PANIC)) {
            board.runFor(Duration.ofMillis(100));
            assertThat(board.panic()).hasValueSatisfying(report -> assertThat(report)
                    .startsWith("panicked at 'Process crasher had a fault'").contains("---| App Status |---",
                            "crasher", "hello"));
            assertThat(board.process("crasher").state()).isEqualTo("Faulted");
        }
    }

    @Test
    void stopLeavesTheProcessFaultedAndTheOthersRunning() {
        try (TestBoard board = boot(FaultPolicyChoice.STOP)) {
            board.runFor(Duration.ofMillis(100));
            assertThat(board.panic()).isEmpty();
            assertThat(board.process("crasher")).isInState("Faulted").hasRestarts(0).hasFaulted();
            assertThat(board.process("crasher").fault()).hasValueSatisfying(f -> assertThat(f).contains("boom"));
            assertThat(board.console().text()).contains("Hello World!");
        }
    }

    /** Reads the first word of its own grant region, which the MPU keeps from it. */
    public static final class GrantPeeker implements App {
        @Override
        public String name() {
            return "peeker";
        }

        @Override
        public void main(Syscalls sys) {
            int grantRegion = sys.memop(6, 0).r1();
            sys.memory().read32(grantRegion);
        }
    }

    @Test
    void mpuFaultsAccessToGrantRegion() {
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello")
                .app(AppSource.ofClass(GrantPeeker.class)).faultPolicy(FaultPolicyChoice.STOP))) {
            board.runFor(Duration.ofMillis(100));
            var peeker = board.process("peeker");
            assertThat(peeker).isInState("Faulted").hasFaulted();
            // The fault names the address: the grant region's first byte, the kernel memory break.
            assertThat(peeker.fault()).hasValueSatisfying(f -> assertThat(f)
                    .contains(String.format("0x%08x", peeker.kernelMemoryBreak())));
            assertThat(board.console().text()).contains("Hello World!");
        }
    }

    /** Spins in its own Java code, reaching no preemption point, until the test lets it go. */
    public static final class Spinner implements App {
        static volatile boolean released;

        @Override
        public String name() {
            return "spinner";
        }

        @Override
        public void main(Syscalls sys) {
            sys.command(0x2, 0, 0, 0);
            while (!released) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void anAppSpinningPastTheWatchdogIsFaultedAsSpinningAndTheOthersRunOn() {
        Spinner.released = false;
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello")
                .app(AppSource.ofClass(Spinner.class)).faultPolicy(FaultPolicyChoice.STOP)
                .spinWatchdog(Duration.ofMillis(200)))) {
            board.runFor(Duration.ofMillis(100));
            assertThat(board.process("spinner")).isInState("Faulted").hasFaulted();
            assertThat(board.process("spinner").fault()).hasValueSatisfying(f -> assertThat(f)
                    .contains("spun for more than 200 ms"));
            assertThat(board.console().text()).contains("Hello World!");
        } finally {
            // The abandoned thread holds a carrier until it reaches a preemption point: let it go.
            Spinner.released = true;
        }
    }

    @Test
    void thresholdRestartRestartsWhileTheCountIsAtMostTheThresholdThenStops() {
        try (TestBoard board = boot(new FaultPolicyChoice.ThresholdRestart(3))) {
            board.runFor(Duration.ofMillis(200));
            // Faults with restart_count 0, 1, 2, 3 restart (Tock's restart_count <= threshold); the fifth stops.
            assertThat(board.process("crasher")).isInState("Faulted").hasRestarts(4);
            assertThat(board.panic()).isEmpty();
        }
    }

    @Test
    void thresholdRestartThenPanicPanicsOnTheFaultAfterTheLastAllowedRestart() {
        try (TestBoard board = boot(new FaultPolicyChoice.ThresholdRestartThenPanic(2))) {
            board.runFor(Duration.ofMillis(200));
            assertThat(board.process("crasher").restarts()).isEqualTo(3);
            assertThat(board.panic()).isPresent();
        }
    }

    @Test
    void restartsNeverReuseAProcessId() {
        List<Integer> ids = new ArrayList<>();
        try (TestBoard board = boot(FaultPolicyChoice.RESTART)) {
            for (int i = 0; i < 20; i++) {
                board.step();
                ids.add(board.process("crasher").processId());
            }
            // A process that faults at once restarts many times within one timeslice, as in Tock; every new life
            // takes an identifier never used before.
            int hello = board.process("hello").processId();
            assertThat(ids).doesNotContain(hello).isSorted();
            assertThat(new TreeSet<>(ids)).hasSizeGreaterThan(3);
            assertThat(board.process("crasher").restarts()).isGreaterThanOrEqualTo(ids.get(ids.size() - 1) - ids.get(0));
        }
    }

    /** Writes a marker, restarts itself, and in its next life reads what its memory holds. */
    public static final class Remember implements App {
        static final List<Integer> firstWordOfEachLife = new ArrayList<>();

        @Override
        public String name() {
            return "remember";
        }

        @Override
        public void main(Syscalls sys) {
            int start = sys.memop(2, 0).r1();
            int oldBreak = sys.memop(1, 256).r1();
            firstWordOfEachLife.add(sys.memory().read32(start + 64));
            sys.memory().write32(start + 64, 0xDEADBEEF);
            if (firstWordOfEachLife.size() < 3) {
                sys.exit(1, 0);                                   // exit-restart
            }
            assertThat(oldBreak).isGreaterThan(start);
        }
    }

    @Test
    void memoryOfARestartedProcessReadsAsZero() {
        Remember.firstWordOfEachLife.clear();
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").app(AppSource.ofClass(Remember.class)))) {
            board.runFor(Duration.ofMillis(50));
            assertThat(Remember.firstWordOfEachLife).containsExactly(0, 0, 0);
            ProcessInfo p = board.process("remember");
            assertThat(p.restarts()).isEqualTo(2);
        }
    }
}
