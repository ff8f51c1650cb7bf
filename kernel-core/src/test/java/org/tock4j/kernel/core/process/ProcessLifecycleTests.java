package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestMemory;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.Region;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * A process's life as the kernel drives it, over an architecture the test controls: what happens when the
 * architecture refuses a return value, a function call or a fresh start, what a restart throws away, and which
 * lifecycle calls are no-ops in which state.
 */
class ProcessLifecycleTests {
    private final CheckingMpu mpu = new CheckingMpu();
    private final List<String> debug = new ArrayList<>();
    private final TestBoard board = new TestBoard(mpu, 4,
            KernelConfig.defaults().withTraceSyscalls(true).withDebug(debug::add));
    private final FakeBoundary boundary = new FakeBoundary();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** Loads one process over {@link #boundary}, running (as if it had started and made a call). */
    private ProcessStandard load() {
        List<ProcessLoader.Outcome> outcomes = loadOutcomes();
        ProcessStandard p = ((ProcessLoader.Outcome.Loaded) outcomes.getFirst()).process();
        p.dequeueTask();
        p.setSyscallReturnValue(SyscallReturn.SUCCESS_VALUE);
        return p;
    }

    private List<ProcessLoader.Outcome> loadOutcomes() {
        board.addApp(TestApps.app("a", 2048, sys -> { }));
        return board.load((header, flashStart, flashLength) -> Optional.of(boundary));
    }

    @Test
    void aReturnValueTheArchitectureCannotStoreFaultsTheProcess() {
        ProcessStandard p = load();
        boundary.storesReturns = false;

        p.setSyscallReturnValue(SyscallReturn.SUCCESS_VALUE);

        assertThat(p.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void aFunctionCallTheArchitectureCannotSetUpFaultsTheProcess() {
        ProcessStandard p = load();
        boundary.setsUpFunctions = false;

        p.setProcessFunction(new FunctionCall(FunctionCallSource.KERNEL, 0, 0, 0, 0, 0));

        assertThat(p.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void theLowestStackPointerAnySwitchReportsIsKept() {
        ProcessStandard p = load();
        boundary.stackPointers.addAll(List.of(0x2000_5000, 0x2000_4F00, 0x2000_5100));

        for (int i = 0; i < 3; i++) {
            assertThat(p.switchTo()).contains(ContextSwitchReason.INTERRUPTED);
        }

        assertThat(p.getAddresses().sramStackBottom()).hasValue(0x2000_4F00);
        assertThat(p.getAddresses().sramStackTop()).isEmpty();
    }

    @Test
    void aBinaryTheArchitectureCannotInitializeIsNotLoaded() {
        boundary.initializes = false;

        List<ProcessLoader.Outcome> outcomes = loadOutcomes();

        assertThat(outcomes.getFirst()).isInstanceOfSatisfying(ProcessLoader.Outcome.NotLoaded.class,
                n -> assertThat(n.error()).isEqualTo(ProcessLoadError.InternalError));
    }

    @Test
    void aNewProcessFindsItsGrantPointerTableEmptyWhateverTheRamHeldBefore() {
        board.createGrant(0x10, GrantType.of(() -> "state", 4, 4), 0, 0, 0);
        board.memory().fill(TestBoard.APPS_RAM_START, TestMemory.RAM_SIZE - 0x4000, (byte) 0xA5);

        ProcessStandard p = load();

        assertThat(p.grantAllocatedCount()).hasValue(0);
        assertThat(board.memory().bytes(p.grantPointerTableAddress(), 8)).containsOnly(0);
    }

    @Test
    void aRestartDiscardsTheOldCodeAndEveryGrantAndRegionOfTheOldLife() {
        board.createGrant(0x10, GrantType.of(() -> "state", 4, 4), 0, 0, 0);
        ProcessStandard p = load();
        assertThat(p.allocateGrant(0, 0x10, 8, 4).isOk()).isTrue();
        p.setGrantData(0, "old life");
        var custom = p.allocateCustomGrant(4, 4).unwrap();
        p.setCustomGrantData(custom.identifier(), "old custom");
        Region shared = p.addMpuRegion(TestBoard.APPS_RAM_START + 0x8000, 0x100, 0x100).orElseThrow();

        p.tryRestart(Optional.empty());

        assertThat(boundary.discards).isEqualTo(1);
        assertThat(p.grantData(0)).isEmpty();
        assertThat(p.customGrantData(custom.identifier())).isEmpty();
        p.setupMpu();
        mpu.enableAppMpu();
        try {
            assertThat(mpu.checkAccess(shared.startAddress(), 4, Access.READ)).isFalse();
        } finally {
            mpu.disableAppMpu();
        }
    }

    @Test
    void aRestartTheArchitectureCannotInitializeLeavesTheProcessTerminated() {
        ProcessStandard p = load();
        boundary.initializes = false;

        p.tryRestart(Optional.of(4));

        assertThat(p.getState()).isEqualTo(State.TERMINATED);
        assertThat(p.getRestartCount()).isZero();
        assertThat(p.getCompletionCode()).contains(Optional.of(4));
    }

    @Test
    void terminatingATerminatedProcessKeepsItsFirstCompletionCode() {
        ProcessStandard p = load();

        p.terminate(Optional.of(1));
        p.terminate(Optional.of(2));

        assertThat(p.getCompletionCode()).contains(Optional.of(1));
    }

    @Test
    void startOnlyStartsATerminatedProcessAndTryRestartOnlyRestartsALiveOne() {
        ProcessStandard p = load();
        var id = p.processid();

        p.start(Capability.processStart());
        assertThat(p.processid()).isEqualTo(id);
        assertThat(p.getState()).isEqualTo(State.RUNNING);

        p.terminate(Optional.empty());
        p.tryRestart(Optional.empty());
        assertThat(p.getState()).isEqualTo(State.TERMINATED);
        assertThat(p.processid()).isEqualTo(id);

        p.start(Capability.processStart());
        assertThat(p.getState()).isEqualTo(State.YIELDED);
        assertThat(p.processid()).isNotEqualTo(id);
        assertThat(boundary.discards).isEqualTo(1);
    }

    @Test
    void removingPendingUpcallsIsTracedInTocksFormat() {
        ProcessStandard p = load();
        UpcallId id = new UpcallId(0x99, 1);

        int removed = p.removePendingUpcalls(id);

        assertThat(removed).isZero();
        assertThat(debug).containsExactly(String.format("[%s] remove_pending_upcalls[0x99:1] = 0 upcall(s) removed",
                p.processid()));
    }

    /** An architecture whose every answer the test sets. */
    private static final class FakeBoundary implements UserspaceKernelBoundary {
        boolean storesReturns = true;
        boolean setsUpFunctions = true;
        boolean initializes = true;
        final Deque<Integer> stackPointers = new ArrayDeque<>();
        int discards;

        @Override
        public int initialProcessAppBrkSize() {
            return 64;
        }

        @Override
        public boolean initializeProcess(int accessibleMemoryStart, int appBrk) {
            return initializes;
        }

        @Override
        public boolean setSyscallReturnValue(int accessibleMemoryStart, int appBrk, SyscallReturn returnValue) {
            return storesReturns;
        }

        @Override
        public boolean setProcessFunction(int accessibleMemoryStart, int appBrk, FunctionCall callback) {
            return setsUpFunctions;
        }

        @Override
        public Switched switchToProcess(int accessibleMemoryStart, int appBrk) {
            return new Switched(ContextSwitchReason.INTERRUPTED, Optional.ofNullable(stackPointers.poll()));
        }

        @Override
        public String printContext(int accessibleMemoryStart, int appBrk) {
            return "";
        }

        @Override
        public void discard() {
            discards++;
        }
    }
}
