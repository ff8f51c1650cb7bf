package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/**
 * A capsule that throws is a kernel bug (Tock's {@code panic!}): the board halts with a panic report naming it
 * and printing the process table, instead of carrying on from a half-done system call. Nothing runs afterwards.
 */
class CapsuleFaultTests {
    static final int THROWER = 0x9_0F00;

    /** A capsule whose command 1 throws; found by discovery as "thrower" (META-INF/services of these tests). */
    public static final class ThrowingCapsuleComponent implements CapsuleComponent {
        @Override
        public String name() {
            return "thrower";
        }

        @Override
        public int defaultDriverNumber() {
            return THROWER;
        }

        @Override
        public List<HilDependency<?>> dependencies() {
            return List.of();
        }

        @Override
        public SyscallDriver create(ComponentContext context) {
            return new SyscallDriver() {
                @Override
                public CommandReturn command(int commandNum, int arg0, int arg1, ProcessId processId) {
                    if (commandNum == 1) {
                        throw new IllegalStateException("capsule bug");
                    }
                    return CommandReturn.success();
                }

                @Override
                public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
                    return Result.err(ProcessError.OutOfMemory);
                }
            };
        }
    }

    /** Calls the thrower's command 0, then 1, recording what it got back. */
    public static final class Caller implements App {
        static final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "caller";
        }

        @Override
        public void main(Syscalls sys) {
            seen.add("command 0: " + sys.command(THROWER, 0, 0, 0).isSuccess());
            sys.command(THROWER, 1, 0, 0);
            seen.add("command 1 returned");
        }
    }

    @Test
    void aCapsuleThatThrowsHaltsTheBoardWithAPanicReport(@TempDir Path dir) throws IOException {
        Path boardFile = dir.resolve("thrower.yaml");
        Files.writeString(boardFile, """
                board: thrower-board
                chip: nRF52840
                fault-policy: restart
                capsules:
                  - {component: alarm,   driver: 0x0, alarm: RTC1}
                  - {component: console, driver: 0x1, uart: UARTE0}
                  - {component: thrower}
                """);
        Caller.seen.clear();
        try (Board board = Board.boot(BootRequest.boardFile(boardFile).apps("hello")
                .app(AppSource.ofClass(Caller.class)))) {
            board.runFor(Duration.ofMillis(100));

            assertThat(board.panic()).hasValueSatisfying(report -> assertThat(report)
                    .startsWith("panicked at 'a capsule threw while handling a system call of process caller: "
                            + "java.lang.IllegalStateException: capsule bug'")
                    .contains("---| App Status |---", "caller", "hello"));
            assertThat(Caller.seen).containsExactly("command 0: true");

            // Halted: nothing runs any more, however long the board is asked to run.
            long halted = board.nowNs();
            board.runFor(Duration.ofSeconds(1));
            assertThat(board.nowNs()).isEqualTo(halted);
            assertThat(Caller.seen).containsExactly("command 0: true");
        }
    }
}
