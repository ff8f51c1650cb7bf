package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.SyscallReturn;

/** Exit-terminate, exit-restart and invalid exit variants (seed {@code kernel.rs} {@code Syscall::Exit}). */
class ExitTests {
    private final TestBoard board = new TestBoard();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void exitTerminateEndsTheProcessAndKeepsTheCompletionCode() {
        board.addApp(TestApps.app("a", sys -> {
            log.add("before");
            sys.exit(0, 42);
            log.add("after");
        }));
        board.load();
        ProcessStandard a = board.process("a");

        board.runUntil(() -> a.getState() instanceof State.Terminated, 20);
        board.steps(3);

        assertThat(log).containsExactly("before");
        assertThat(a.getCompletionCode()).contains(Optional.of(42));
        assertThat(a.ready()).isFalse();
        assertThat(board.kernel().getProcess(a.processid())).contains(a);
    }

    @Test
    void theCompletionCodeIsAnUnsigned32BitValue() {
        board.addApp(TestApps.app("a", sys -> sys.exit(0, -1)));
        board.load();
        ProcessStandard a = board.process("a");

        board.runUntil(() -> a.getState() instanceof State.Terminated, 20);

        assertThat(Integer.toUnsignedString(a.getCompletionCode().orElseThrow().orElseThrow()))
                .isEqualTo("4294967295");
    }

    @Test
    void exitRestartGivesANewProcessIdAndTheOldOneStopsResolving() {
        int[] starts = new int[1];
        board.addApp(TestApps.app("a", sys -> {
            starts[0]++;
            if (starts[0] == 1) {
                sys.exit(1, 7);
            }
            log.add("second life");
        }));
        board.load();
        ProcessStandard a = board.process("a");
        ProcessId first = a.processid();

        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(starts[0]).isEqualTo(2);
        assertThat(a.getRestartCount()).isEqualTo(1);
        assertThat(a.processid()).isNotEqualTo(first);
        assertThat(a.processid().rawIndex()).isEqualTo(first.rawIndex());
        assertThat(a.processid().id()).isGreaterThan(first.id());
        assertThat(board.kernel().getProcess(first)).isEmpty();
        assertThat(board.kernel().processidIsValid(first)).isFalse();
        assertThat(board.kernel().getProcess(a.processid())).contains(a);
        assertThat(a.getCompletionCode()).contains(Optional.of(7));
    }

    @Test
    void anInvalidExitVariantIsNosupportAndTheProcessCarriesOn() {
        board.addApp(TestApps.app("a", sys -> {
            sys.exit(2, 5);
            log.add("carried on");
        }));
        board.load();

        board.runUntil(() -> !log.isEmpty(), 20);

        assertThat(board.boundary("a").returns())
                .containsExactly(new SyscallReturn.Failure(ErrorCode.NOSUPPORT));
        assertThat(board.process("a").getCompletionCode()).isEmpty();
    }

    @Test
    void aTerminatedProcessCanBeStartedAgain() {
        int[] starts = new int[1];
        board.addApp(TestApps.app("a", sys -> {
            starts[0]++;
            sys.exit(0, 0);
        }));
        board.load();
        ProcessStandard a = board.process("a");
        board.runUntil(() -> a.getState() instanceof State.Terminated, 20);

        a.start(Capability.processStart());
        board.runUntil(() -> starts[0] == 2, 20);

        assertThat(a.getRestartCount()).isEqualTo(1);
    }
}
