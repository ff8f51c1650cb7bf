package org.tock4j.kernel.core.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantKernelData;
import org.tock4j.kernel.grant.GrantRegionAllocator;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ReturnArguments;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.upcall.UpcallError;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * What a capsule holds while it is inside a grant (Tock's {@code GrantKernelData} and
 * {@code GrantRegionAllocator}): each is good only until the grant is left, an upcall number past the grant's
 * count is refused and traced, a removed upcall comes back to the caller, and an allocator kept past its
 * process's life allocates nothing.
 */
class GrantKernelDataTests {
    private static final int DRIVER = 0x99;

    private final List<String> trace = new ArrayList<>();
    private final TestBoard board = new TestBoard(new CheckingMpu(), 4,
            KernelConfig.defaults().withTraceSyscalls(true).withDebug(trace::add));
    private Grant<Object> grant;
    private ProcessStandard process;

    @BeforeEach
    void loadOneProcess() {
        grant = board.createGrant(DRIVER, GrantType.of(Object::new, 4, 4), 2, 1, 1);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        process = board.process("a");
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private GrantKernelData keptPastTheGrant() {
        GrantKernelData[] kept = new GrantKernelData[1];
        grant.enter(process.processid(), (data, kernelData) -> kept[0] = kernelData);
        return kept[0];
    }

    @Test
    void kernelDataUsedAfterItsGrantWasLeftIsRefused() {
        GrantKernelData stale = keptPastTheGrant();

        assertThatThrownBy(() -> stale.scheduleUpcall(0, 1, 2, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("GrantKernelData used after its grant was left");
        assertThatThrownBy(() -> stale.removeUpcall(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stale.removePendingUpcalls(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stale.getReadonlyProcessbuffer(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stale.getReadwriteProcessbuffer(0)).isInstanceOf(IllegalStateException.class);
        assertThat(process.pendingTasks()).isEqualTo(1);               // only the init function
    }

    @Test
    void anUpcallPastTheGrantsCountIsRefusedAndTraced() {
        var result = grant.enter(process.processid(), (data, kd) -> kd.scheduleUpcall(2, 0, 0, 0)).unwrap();

        assertThat(result.unwrapErr()).isEqualTo(UpcallError.InvalidSubscribeNum);
        assertThat(trace).containsExactly(String.format("[%s] schedule[0x99:2] invalid subscribe_num",
                process.processid()));
    }

    @Test
    void aScheduledUpcallIsTracedAndRemovingItGivesItBack() {
        Optional<Task> removed = grant.enter(process.processid(), (data, kd) -> {
            assertThat(kd.scheduleUpcall(1, 5, 6, 7).isOk()).isTrue();
            return kd.removeUpcall(1);
        }).unwrap();

        // No function subscribed: the upcall is kept as a return value, for a yield-wait-for.
        assertThat(removed).contains(new Task.ReturnValue(new ReturnArguments(new UpcallId(DRIVER, 1), 5, 6, 7)));
        assertThat(process.pendingTasks()).isEqualTo(1);
        assertThat(trace).singleElement().asString()
                .startsWith(String.format("[%s] schedule[0x99:1] @0x0(0x5, 0x6, 0x7, 0x0) = Ok(())",
                        process.processid()));
    }

    @Test
    void anAllocatorKeptPastItsProcesssRestartAllocatesNothing() {
        GrantRegionAllocator[] kept = new GrantRegionAllocator[1];
        grant.enterWithAllocator(process.processid(), (data, kd, allocator) -> kept[0] = allocator);

        process.tryRestart(Optional.empty());

        assertThat(kept[0].allocWith(8, 4, () -> "late").unwrapErr()).isEqualTo(ProcessError.NoSuchApp);
    }

    @Test
    void anUpcallForAProcessThatCannotTakeItIsAKernelErrorAndTracedAsOne() {
        var result = grant.enter(process.processid(), (data, kd) -> {
            process.terminate(Optional.empty());
            return kd.scheduleUpcall(0, 1, 2, 3);
        }).unwrap();

        assertThat(result.unwrapErr()).isEqualTo(UpcallError.KernelError);
        assertThat(trace).singleElement().asString().endsWith("= Err(KernelError)");
    }
}
