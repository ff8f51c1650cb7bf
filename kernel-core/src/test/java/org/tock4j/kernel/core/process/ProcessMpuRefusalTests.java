package org.tock4j.kernel.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.platform.mpu.AppMemoryRegion;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.process.CommandPermissions;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ShortId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * What the standard process does when the MPU will not do what it asks — no configuration, no region for the
 * flash, RAM elsewhere than the binary was linked for, a region that ends off a word boundary, a break or grant
 * it will not cover — and what the loaded process reports about its binary.
 */
class ProcessMpuRefusalTests {
    private final CheckingMpu mpu = spy(new CheckingMpu());
    private final TestBoard board = new TestBoard(mpu);

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private ProcessLoadError loadFails() {
        board.addApp(TestApps.app("a", sys -> { }));
        List<ProcessLoader.Outcome> outcomes = board.load();
        assertThat(outcomes.getFirst()).isInstanceOf(ProcessLoader.Outcome.NotLoaded.class);
        return ((ProcessLoader.Outcome.NotLoaded) outcomes.getFirst()).error();
    }

    private ProcessStandard loadRunning() {
        board.addApp(TestApps.app("a", sys -> { }), b -> b.permission(0x99, 1, 0b101));
        board.load();
        ProcessStandard p = board.process("a");
        p.dequeueTask();
        p.setSyscallReturnValue(SyscallReturn.SUCCESS_VALUE);
        return p;
    }

    @Test
    void anMpuWithoutAConfigurationLoadsNothing() {
        doReturn(Optional.empty()).when(mpu).newConfig();

        assertThat(loadFails()).isEqualTo(ProcessLoadError.MpuConfigurationError);
    }

    @Test
    void flashNoMpuRegionCanCoverIsNotLoaded() {
        doReturn(Optional.empty()).when(mpu).allocateRegion(anyInt(), anyInt(), anyInt(),
                eq(Permissions.ReadExecuteOnly), any());

        assertThat(loadFails()).isEqualTo(ProcessLoadError.MpuInvalidFlashLength);
    }

    @Test
    void ramTheMpuPlacesAwayFromTheFixedAddressIsAMismatch() {
        int fixed = TestBoard.APPS_RAM_START + 0x1000;
        doAnswer(call -> {
            @SuppressWarnings("unchecked")
            Optional<AppMemoryRegion> real = (Optional<AppMemoryRegion>) call.callRealMethod();
            return real.map(r -> new AppMemoryRegion(r.start() + 0x100, r.size()));
        }).when(mpu).allocateAppMemoryRegion(anyInt(), anyInt(), anyInt(), anyInt(), anyInt(), any(), any());
        board.addApp(TestApps.app("a", sys -> { }), b -> b.fixedAddresses(fixed, -1));

        List<ProcessLoader.Outcome> outcomes = board.load();

        assertThat(((ProcessLoader.Outcome.NotLoaded) outcomes.getFirst()).error())
                .isEqualTo(new ProcessLoadError.MemoryAddressMismatch(fixed + 0x100, fixed));
    }

    @Test
    void aRamRegionEndingOffAWordBoundaryStillGetsAWordAlignedGrantTable() {
        board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        doAnswer(call -> {
            @SuppressWarnings("unchecked")
            Optional<AppMemoryRegion> real = (Optional<AppMemoryRegion>) call.callRealMethod();
            return real.map(r -> new AppMemoryRegion(r.start(), r.size() + 2));
        }).when(mpu).allocateAppMemoryRegion(anyInt(), anyInt(), anyInt(), anyInt(), anyInt(), any(), any());

        ProcessStandard p = loadRunning();

        int end = p.getAddresses().sramEnd();
        assertThat(end % 4).isEqualTo(2);
        assertThat(p.grantPointerTableAddress()).isEqualTo(end - 2 - 8);
    }

    @Test
    void aRestartTheMpuCannotCoverLeavesTheProcessTerminated() {
        ProcessStandard p = loadRunning();
        doReturn(Optional.empty()).when(mpu).allocateRegion(anyInt(), anyInt(), anyInt(),
                eq(Permissions.ReadExecuteOnly), any());

        p.tryRestart(Optional.empty());

        assertThat(p.getState()).isEqualTo(State.TERMINATED);
        assertThat(p.getRestartCount()).isZero();
    }

    @Test
    void aRestartWithoutRamForTheProcessLeavesItTerminated() {
        ProcessStandard p = loadRunning();
        doReturn(Optional.empty()).when(mpu).allocateAppMemoryRegion(anyInt(), anyInt(), anyInt(), anyInt(),
                anyInt(), any(), any());

        p.tryRestart(Optional.empty());

        assertThat(p.getState()).isEqualTo(State.TERMINATED);
        assertThat(p.getRestartCount()).isZero();
    }

    @Test
    void aBreakOrGrantTheMpuWillNotCoverIsOutOfMemoryAndMovesNothing() {
        ProcessStandard p = loadRunning();
        var before = p.getAddresses();
        doReturn(false).when(mpu).updateAppMemoryRegion(anyInt(), anyInt(), any(), any());

        assertThat(p.brk(before.sramAppBrk() + 16).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(p.allocateCustomGrant(16, 4).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);

        assertThat(p.getAddresses()).isEqualTo(before);
    }

    @Test
    void theProcessReportsItsBinarysEndPermissionsAndShortId() {
        ProcessStandard p = loadRunning();
        var addresses = p.getAddresses();

        assertThat(addresses.flashIntegrityEnd()).isEqualTo(addresses.flashStart() + p.header().binaryEnd());
        assertThat(addresses.flashIntegrityEnd()).isGreaterThan(addresses.flashStart());
        assertThat(p.getCommandPermissions(0x99, 1)).isEqualTo(new CommandPermissions.Mask(0b101));
        assertThat(p.getCommandPermissions(0x99, 0)).isEqualTo(new CommandPermissions.Mask(0));
        assertThat(p.getCommandPermissions(0x98, 0)).isEqualTo(CommandPermissions.NO_PERMS_THIS_DRIVER);
        assertThat(p.shortAppId()).isEqualTo(ShortId.LOCALLY_UNIQUE);
    }

    @Test
    void loadErrorsNameThemselvesAsTockDoesAndExplainThemselves() {
        var mismatch = new ProcessLoadError.MemoryAddressMismatch(0x2000_0000, 0x2000_8000);
        var noCode = new ProcessLoadError.NoCodeForBinary("blink");

        assertThat(mismatch.name()).isEqualTo("MemoryAddressMismatch");
        assertThat(mismatch.description())
                .isEqualTo("the process needs RAM at 0x20008000 but the next free RAM is at 0x20000000");
        assertThat(noCode.name()).isEqualTo("NoCodeForBinary");
        assertThat(noCode.description()).isEqualTo("no app named 'blink' is available to run this binary");
    }
}
