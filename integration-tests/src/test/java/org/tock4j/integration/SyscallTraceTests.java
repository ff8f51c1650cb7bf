package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.testkit.SyscallScript;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;

/** The system call trace, expected-syscall scripts and faults injected at a chosen call. */
class SyscallTraceTests {

    @Test
    @TockBoard(apps = "hello")
    void theTraceHasEveryCallWithItsDecodedArgumentsAndItsReturn(TestBoard board) {
        board.runFor(Duration.ofMillis(50));

        List<SyscallRecord.Call> calls = board.syscallsOf("hello");
        assertThat(calls).extracting(SyscallRecord.Call::syscall).contains(new Syscall.Command(0x1, 1, 14, 0));
        assertThat(calls).filteredOn(c -> c.syscall().equals(new Syscall.Command(0x1, 1, 14, 0)))
                .singleElement().satisfies(c -> assertThat(c.result()).contains(SyscallReturn.SUCCESS_VALUE));
        assertThat(board.syscalls()).anySatisfy(r -> assertThat(r).isInstanceOf(SyscallRecord.Upcall.class));
        // Timestamps are virtual and never go back.
        assertThat(board.syscalls()).extracting(SyscallRecord::timeNs).isSorted();
    }

    @Test
    @TockBoard(apps = "blink")
    void aScriptCanAnswerCallsInsteadOfTheKernel(TestBoard board) {
        SyscallScript script = SyscallScript.forProcess("blink")
                .expect(new Syscall.Command(0x2, 0, 0, 0)).answer(new SyscallReturn.SuccessU32(1))  // one LED only
                .expect(new Syscall.Command(0x2, 2, 0, 0))                                         // LED 0 off
                .build();
        board.install(script);
        board.runFor(Duration.ofMillis(1100));

        script.verify();
        // With one LED, blink never touches the second.
        assertThat(board.syscallsOf("blink")).extracting(SyscallRecord.Call::syscall)
                .noneMatch(s -> s instanceof Syscall.Command c && c.driverNumber() == 0x2 && c.arg0() == 1);
        assertThat(board.led(0)).isBlinkingWithPeriod(Duration.ofMillis(500));
    }

    @Test
    @TockBoard(apps = "hello")
    void aScriptReportsTheCallsThatDidNotHappen(TestBoard board) {
        SyscallScript script = SyscallScript.forProcess("hello")
                .expect(new Syscall.Command(0x2, 1, 0, 0)).fail(ErrorCode.BUSY)
                .build();
        board.install(script);
        board.runFor(Duration.ofMillis(50));

        assertThatThrownBy(script::verify).hasMessageContaining("expected Command[driverNumber=2, subdriverNumber=1")
                .hasMessageContaining("but hello made");
    }

    @Test
    @TockBoard(apps = {"hello", "blink"}, faultPolicy = "stop")
    void aProcessCanBeFaultedAtAChosenCall(TestBoard board) {
        board.install(SyscallScript.faultAtCall("blink", 3));
        board.runFor(Duration.ofMillis(600));

        assertThat(board.process("blink")).isInState("Faulted");
        assertThat(board.syscallsOf("blink")).hasSize(3);
        assertThat(board.console()).hasLine("Hello World!");
    }

    @Test
    void theKernelTraceSharesTheConsoleUartWithTheAppsAsInTock() {
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello").traceSyscalls(true))) {
            board.runFor(Duration.ofMillis(200));
            // The trace goes through the debug writer, a device on the console's UART mux.
            assertThat(board.console().lines()).contains("Hello World!")
                    .anyMatch(line -> line.matches("\\[\\d+\\] cmd\\(0x1, 1, 0xe, 0x0\\) = Success"))
                    .anyMatch(line -> line.startsWith("[") && line.contains("yield. which: 1"));
        }
    }

    @Test
    void theSameBoardAndAppsGiveTheSameTraceEveryRun() {
        List<String> first = trace();
        List<String> second = trace();
        assertThat(first).hasSizeGreaterThan(100).isEqualTo(second);
    }

    private static List<String> trace() {
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello", "blink", "rng")
                .faultPolicy(FaultPolicyChoice.STOP).seed(7))) {
            board.runFor(Duration.ofSeconds(3));
            return board.syscalls().stream().map(Object::toString).toList();
        }
    }
}
