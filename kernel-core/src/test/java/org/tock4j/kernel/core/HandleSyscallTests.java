package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.platform.mpu.NoMpu;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * {@code Kernel.handleSyscall} called directly on a loaded process (no thread involved), and the process table
 * the kernel keeps.
 */
class HandleSyscallTests {
    private static final int DRIVER = 0x99;

    private final List<String> trace = new ArrayList<>();
    private final TestBoard board = new TestBoard(new NoMpu(), 4,
            KernelConfig.defaults().withTraceSyscalls(true).withDebug(trace::add));
    private final TestDriver driver = new TestDriver(board, DRIVER, 1, 1, 1)
            .onCommand((n, a, b, p) -> CommandReturn.successU64(0x1_0000_0002L));
    private ProcessStandard process;

    @BeforeEach
    void loadOneProcess() {
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        process = board.process("a");
        // As if the process had started and made a call: it is Running.
        process.dequeueTask();
        process.setSyscallReturnValue(SyscallReturn.SUCCESS_VALUE);
        board.boundary("a").returns().clear();
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private SyscallReturn handle(Syscall syscall) {
        board.kernel().handleSyscall(board.resources(), process, syscall);
        return board.boundary("a").returns().isEmpty() ? null : board.boundary("a").lastReturn();
    }

    @Test
    void aCommandsReturnIsSetAsTheProcessesReturnValue() {
        assertThat(handle(new Syscall.Command(DRIVER, 1, 2, 3))).isEqualTo(new SyscallReturn.SuccessU64(0x1_0000_0002L));
        assertThat(handle(new Syscall.Command(0x1234, 1, 2, 3))).isEqualTo(new SyscallReturn.Failure(ErrorCode.NODEVICE));
        assertThat(process.getState()).isEqualTo(State.RUNNING);
    }

    @Test
    void everySyscallIsCountedAndTheLastOneKept() {
        handle(new Syscall.Memop(2, 0));
        handle(new Syscall.Yield(0, 0, 0));

        assertThat(process.debugSyscallCount()).isEqualTo(2);
        assertThat(process.debugSyscallLast()).contains(new Syscall.Yield(0, 0, 0));
    }

    @Test
    void yieldWaitAndWaitForOnlyChangeTheState() {
        assertThat(handle(new Syscall.Yield(2, DRIVER, 0))).isNull();
        assertThat(process.getState()).isEqualTo(new State.YieldedFor(new UpcallId(DRIVER, 0)));
    }

    @Test
    void exitRestartFromTheKernelThreadRestartsTheProcess() {
        ProcessId before = process.processid();

        handle(new Syscall.Exit(1, 9));

        assertThat(process.processid()).isNotEqualTo(before);
        assertThat(process.getState()).isEqualTo(State.YIELDED);
        assertThat(process.getCompletionCode()).contains(Optional.of(9));
    }

    @Test
    void tracingPrintsEachCallInTocksFormat() {
        handle(new Syscall.Command(DRIVER, 1, 2, 3));
        handle(new Syscall.Exit(7, 0));

        String id = process.processid().toString();
        assertThat(trace).anySatisfy(line -> assertThat(line).startsWith("[" + id + "] cmd(0x99, 1, 0x2, 0x3) = "));
        assertThat(trace).anySatisfy(line -> assertThat(line)
                .isEqualTo("[" + id + "] exit(which: 7, completion_code: 0) = Some(Failure(NOSUPPORT))"));
    }

    @Test
    void processIdentifiersAreNeverReused() {
        ProcessId first = process.processid();
        process.tryRestart(Optional.empty());
        process.tryRestart(Optional.empty());

        assertThat(process.processid().id()).isEqualTo(first.id() + 2);
        assertThat(board.kernel().createProcessIdentifier()).isEqualTo(first.id() + 3);
    }

    @Test
    void theProcessTableFindsLiveProcessesOnly() {
        Kernel kernel = board.kernel();
        ProcessId id = process.processid();

        assertThat(kernel.processMapOr("none", id, Process::getProcessName)).isEqualTo("a");
        assertThat(kernel.getProcessIter()).containsExactly(process);
        assertThat(kernel.processSlots()).isEqualTo(4);
        assertThat(id.index()).contains(0);

        process.tryRestart(Optional.empty());
        assertThat(kernel.processMapOr("none", id, Process::getProcessName)).isEqualTo("none");
        assertThat(id.index()).isEmpty();
    }

    @Test
    void hardfaultAllAppsAppliesEachProcessesFaultPolicy() {
        board.kernel().hardfaultAllApps(Capability.processManagement());

        // The board's policy is stop: the process is left faulted.
        assertThat(process.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void anInterceptorsAnswerIsReturnedWithoutTheCallReachingTheDriver() {
        board.kernel().setSyscallInterceptor((p, call) -> call instanceof Syscall.Command
                ? new SyscallInterceptor.Interception.Answer(new SyscallReturn.SuccessU32(7))
                : SyscallInterceptor.Interception.PROCEED);

        assertThat(handle(new Syscall.Command(DRIVER, 1, 2, 3))).isEqualTo(new SyscallReturn.SuccessU32(7));
        assertThat(driver.calls()).isEmpty();
        assertThat(process.getState()).isEqualTo(State.RUNNING);
    }

    @Test
    void anInterceptorsFaultAppliesTheProcessesFaultPolicyAndDispatchesNothing() {
        board.kernel().setSyscallInterceptor((p, call) -> SyscallInterceptor.Interception.FAULT);

        assertThat(handle(new Syscall.Command(DRIVER, 1, 2, 3))).isNull();

        assertThat(driver.calls()).isEmpty();
        // The board's policy is stop: the process is left faulted.
        assertThat(process.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void anIdNamingASlotOutsideTheTableNamesNoProcess() {
        Kernel kernel = board.kernel();
        ProcessId pastTheEnd = ProcessId.newExternal(kernel, process.processid().id(), kernel.processSlots(),
                Capability.externalProcess());
        ProcessId beforeTheStart = ProcessId.newExternal(kernel, process.processid().id(), -1,
                Capability.externalProcess());
        ProcessId lastSlot = ProcessId.newExternal(kernel, process.processid().id(), kernel.processSlots() - 1,
                Capability.externalProcess());

        for (ProcessId id : List.of(pastTheEnd, beforeTheStart, lastSlot)) {
            assertThat(kernel.getProcess(id)).isEmpty();
            assertThat(kernel.processidIsValid(id)).isFalse();
            assertThat(id.index()).isEmpty();
        }
        assertThat(kernel.processidIsValid(process.processid())).isTrue();
    }
}
