package org.tock4j.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.RecordingWatchdog;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.core.testing.Timeline;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.State;

/**
 * The kernel's calls that need a capability (Tock's {@code &dyn capabilities::...} parameters): each refuses a
 * missing one before doing anything, and the {@code External} forms do exactly what their plain forms do.
 */
class KernelCapabilityTests {
    private static final String REFUSED = "this kernel call needs its capability";

    private final Timeline timeline = new Timeline();
    private final TestBoard board = new TestBoard().watchdog(new RecordingWatchdog(timeline));
    private final TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
    private Kernel kernel;
    private ProcessStandard process;

    @BeforeEach
    void loadOneProcess() {
        board.addApp(TestApps.app("a", TestApps::park));
        board.load();
        kernel = board.kernel();
        process = board.process("a");
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(REFUSED);
    }

    @Test
    void setProcessWithoutItsCapabilityLeavesTheSlotAlone() {
        assertRefused(() -> kernel.setProcess(0, null, null));

        assertThat(kernel.getProcessIter()).containsExactly(process);
        assertThat(kernel.getProcess(process.processid())).contains(process);
    }

    @Test
    void setProcessWithItsCapabilityFillsTheSlot() {
        kernel.setProcess(1, process, Capability.externalProcess());

        assertThat(kernel.getProcessIter()).containsExactly(process, process);
    }

    @Test
    void processEachCapabilityListsTheProcessesOnlyForAHolderOfTheCapability() {
        assertRefused(() -> kernel.processEachCapability(null));

        assertThat(kernel.processEachCapability(Capability.processManagement())).containsExactly(process);
    }

    @Test
    void processMapOrExternalIsProcessMapOrForAHolderOfTheCapability() {
        ProcessId id = process.processid();
        ProcessId gone = ProcessId.newExternal(kernel, 999, 0, Capability.externalProcess());

        assertRefused(() -> kernel.processMapOrExternal("none", id, Process::getProcessName, null));

        assertThat(kernel.processMapOrExternal("none", id, Process::getProcessName, Capability.processManagement()))
                .isEqualTo("a");
        assertThat(kernel.processMapOrExternal("none", gone, Process::getProcessName,
                Capability.processManagement())).isEqualTo("none");
    }

    @Test
    void createGrantWithoutItsCapabilityCreatesNoGrant() {
        // The driver's grant is the board's only one.
        assertRefused(() -> kernel.createGrant(0x42, TestDriver.APP_STATE, UpcallCount.of(1), AllowRoCount.of(0),
                AllowRwCount.of(0), null));

        assertThat(kernel.grantDriverNumbers()).containsExactly(0x99);
    }

    @Test
    void getGrantCountAndFinalizeExternalCountsAndFinalizesTheGrantsForAHolderOfTheCapability() {
        TestBoard fresh = new TestBoard();
        try {
            Kernel k = fresh.kernel();
            fresh.createGrant(0x10, TestDriver.APP_STATE, 0, 0, 0);
            fresh.createGrant(0x11, TestDriver.APP_STATE, 0, 0, 0);
            assertThat(k.grantsFinalized()).isFalse();

            assertRefused(() -> k.getGrantCountAndFinalizeExternal(null));
            assertThat(k.grantsFinalized()).isFalse();

            assertThat(k.getGrantCountAndFinalizeExternal(Capability.externalProcess())).isEqualTo(2);
            assertThat(k.grantsFinalized()).isTrue();
            assertThatThrownBy(() -> fresh.createGrant(0x12, TestDriver.APP_STATE, 0, 0, 0))
                    .isInstanceOf(KernelPanic.class).hasMessage("Grants finalized. Cannot create a new grant.");
        } finally {
            fresh.close();
        }
    }

    @Test
    void loadingAProcessFinalizesTheGrants() {
        assertThat(kernel.grantsFinalized()).isTrue();
    }

    @Test
    void createProcessIdentifierExternalHandsOutTheNextUnusedIdentifier() {
        int next = process.processid().id() + 1;

        assertRefused(() -> kernel.createProcessIdentifierExternal(null));

        assertThat(kernel.createProcessIdentifierExternal(Capability.externalProcess())).isEqualTo(next);
        assertThat(kernel.createProcessIdentifier()).isEqualTo(next + 1);
        assertThat(kernel.createProcessIdentifierExternal(Capability.externalProcess())).isEqualTo(next + 2);
    }

    @Test
    void hardfaultAllAppsWithoutItsCapabilityFaultsNothing() {
        assertRefused(() -> kernel.hardfaultAllApps(null));

        assertThat(process.getState()).isNotEqualTo(State.FAULTED);
        assertThat(process.ready()).isTrue();
    }

    @Test
    void theMainLoopCallsWithoutTheirCapabilityDoNothing() {
        assertRefused(() -> kernel.kernelLoopSetup(board.resources(), null));
        assertRefused(() -> kernel.kernelLoopOperation(board.resources(), board.chip(), false, null));
        assertRefused(() -> kernel.kernelLoop(board.resources(), board.chip(), null));

        assertThat(timeline.events()).isEmpty();
        assertThat(board.boundary("a").switches()).isZero();
        assertThat(process.getState()).isEqualTo(State.YIELDED);
        assertThat(process.getCompletionCode()).isEqualTo(Optional.empty());
    }
}
