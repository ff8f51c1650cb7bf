package org.tock4j.kernel.core.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.upcall.UpcallError;

/**
 * Entering grants: allocation on first use, the re-entrance panic, {@code try_enter}, leaving on every path,
 * {@code each}/{@code iter}, and what {@code GrantKernelData} answers. Seed: {@code grant.rs}.
 */
class GrantEnterTests {
    private final TestBoard board = new TestBoard();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    /** A counter grant for driver 0x10, then apps {@code names} loaded (not yet run). */
    private Grant<int[]> counterGrantAndApps(String... names) {
        Grant<int[]> grant = board.createGrant(0x10, GrantType.of(() -> new int[1], 4, 4), 2, 1, 1);
        for (String name : names) {
            board.addApp(TestApps.app(name, sys -> { }));
        }
        board.load();
        return grant;
    }

    @Test
    void enterAllocatesTheGrantOnFirstUseAndKeepsItsData() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        assertThat(a.grantIsAllocated(0)).contains(false);

        Result<Integer, ProcessError> first = grant.enter(a.processid(), (data, kd) -> ++data[0]);
        Result<Integer, ProcessError> second = grant.enter(a.processid(), (data, kd) -> ++data[0]);

        assertThat(first.unwrap()).isEqualTo(1);
        assertThat(second.unwrap()).isEqualTo(2);
        assertThat(a.grantIsAllocated(0)).contains(true);
        assertThat(a.grantAllocatedCount()).hasValue(1);
    }

    @Test
    void enteringAnEnteredGrantPanics() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();

        assertThatThrownBy(() -> grant.enter(a, (data, kd) -> grant.enter(a, (d2, k2) -> 0)))
                .isInstanceOf(KernelPanic.class)
                .hasMessage("Attempted to re-enter a grant region.");
    }

    @Test
    void tryEnterSkipsAnEnteredGrant() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();
        grant.enter(a, (data, kd) -> null);
        ProcessGrant<int[]> pg = grant.iter().iterator().next();

        Optional<Integer> inner = grant.enter(a, (data, kd) -> pg.tryEnter((d2, k2) -> 7)).unwrap();

        assertThat(inner).isEmpty();
        assertThat(pg.tryEnter((d2, k2) -> 7)).contains(7);
    }

    @Test
    void theGrantIsLeftWhenTheClosureThrows() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        grant.enter(a.processid(), (data, kd) -> null);
        int entry = a.grantPointerTableAddress() + 4;

        assertThatThrownBy(() -> grant.enter(a.processid(), (data, kd) -> {
            throw new IllegalStateException("capsule bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(board.memory().read32(entry) & 1).isZero();
        assertThat(grant.enter(a.processid(), (data, kd) -> "again").unwrap()).isEqualTo("again");
    }

    @Test
    void eachVisitsOnlyProcessesWithTheGrantAllocated() {
        Grant<int[]> grant = counterGrantAndApps("a", "b", "c");
        grant.enter(board.process("a").processid(), (data, kd) -> data[0] = 10);
        grant.enter(board.process("c").processid(), (data, kd) -> data[0] = 30);

        List<Integer> seen = new ArrayList<>();
        grant.each((processId, data, kd) -> seen.add(data[0]));

        assertThat(seen).containsExactly(10, 30);
        assertThat(board.process("b").grantIsAllocated(0)).contains(false);
    }

    @Test
    void eachAndIterSkipDeadProcesses() {
        Grant<int[]> grant = counterGrantAndApps("a", "b");
        grant.enter(board.process("a").processid(), (data, kd) -> null);
        grant.enter(board.process("b").processid(), (data, kd) -> null);

        board.process("a").terminate(Optional.of(0));

        List<ProcessId> visited = new ArrayList<>();
        grant.each((processId, data, kd) -> visited.add(processId));
        assertThat(visited).containsExactly(board.process("b").processid());
        assertThat(grant.iter()).extracting(ProcessGrant::processid).containsExactly(board.process("b").processid());
    }

    @Test
    void eachSkipsAProcessThatDiesDuringTheIteration() {
        Grant<int[]> grant = counterGrantAndApps("a", "b");
        ProcessStandard b = board.process("b");
        grant.enter(board.process("a").processid(), (data, kd) -> null);
        grant.enter(b.processid(), (data, kd) -> null);

        List<ProcessId> visited = new ArrayList<>();
        grant.each((processId, data, kd) -> {
            visited.add(processId);
            b.terminate(Optional.empty());
        });

        assertThat(visited).containsExactly(board.process("a").processid());
    }

    @Test
    void enterOfAnUnknownProcessIsNoSuchApp() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        ProcessId old = a.processid();
        a.tryRestart(Optional.empty());

        assertThat(grant.enter(old, (data, kd) -> 1).unwrapErr()).isEqualTo(ProcessError.NoSuchApp);
        assertThat(grant.enter(a.processid(), (data, kd) -> 1).unwrap()).isEqualTo(1);
    }

    @Test
    void enterOfATerminatedProcessIsInactiveApp() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        a.terminate(Optional.of(0));

        assertThat(grant.enter(a.processid(), (data, kd) -> 1).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
    }

    @Test
    void terminatingAProcessFreesItsGrantsAndTheirData() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        grant.enter(a.processid(), (data, kd) -> data[0] = 5);

        a.tryRestart(Optional.empty());

        assertThat(a.grantIsAllocated(0)).contains(false);
        assertThat(board.memory().bytes(a.grantPointerTableAddress(), 8)).containsOnly(0);
        assertThat(grant.enter(a.processid(), (data, kd) -> data[0]).unwrap()).isZero();
    }

    @Test
    void scheduleUpcallWithASubscribeNumberPastTheCountIsInvalidSubscribeNum() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();

        Result<Void, UpcallError> r = grant.enter(a, (data, kd) -> kd.scheduleUpcall(2, 0, 0, 0)).unwrap();

        assertThat(r.unwrapErr()).isEqualTo(UpcallError.InvalidSubscribeNum);
    }

    @Test
    void scheduleUpcallQueuesAReturnValueForAnUnsubscribedUpcall() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        a.dequeueTask(); // the init function

        Result<Void, UpcallError> r = grant.enter(a.processid(), (data, kd) -> kd.scheduleUpcall(1, 4, 5, 6))
                .unwrap();

        assertThat(r.isOk()).isTrue();
        assertThat(a.dequeueTask()).get().isInstanceOfSatisfying(Task.ReturnValue.class, rv -> {
            assertThat(rv.arguments().upcallId().driverNum()).isEqualTo(0x10);
            assertThat(rv.arguments().upcallId().subscribeNum()).isEqualTo(1);
            assertThat(rv.arguments().argument0()).isEqualTo(4);
            assertThat(rv.arguments().argument2()).isEqualTo(6);
        });
    }

    @Test
    void scheduleUpcallOnAFullQueueIsQueueFull() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        grant.enter(a.processid(), (data, kd) -> null);
        while (a.pendingTasks() < 9) {
            grant.enter(a.processid(), (data, kd) -> kd.scheduleUpcall(0, 0, 0, 0));
        }

        Result<Void, UpcallError> r = grant.enter(a.processid(), (data, kd) -> kd.scheduleUpcall(0, 0, 0, 0))
                .unwrap();

        assertThat(r.unwrapErr()).isEqualTo(UpcallError.QueueFull);
    }

    @Test
    void removePendingUpcallsThroughKernelDataRemovesOnlyThatSubscribeNumber() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessStandard a = board.process("a");
        a.dequeueTask();
        // Subscribe function pointers so the upcalls are function calls (the only kind it removes).
        int fn = a.getAddresses().flashNonProtectedStart() | 1;
        grant.enter(a.processid(), (data, kd) -> null);
        int base = board.memory().read32(a.grantPointerTableAddress() + 4);
        board.memory().write32(base + 8, fn);
        board.memory().write32(base + 16, fn);
        grant.enter(a.processid(), (data, kd) -> {
            kd.scheduleUpcall(0, 1, 0, 0);
            kd.scheduleUpcall(1, 2, 0, 0);
            kd.scheduleUpcall(0, 3, 0, 0);
            return null;
        });

        int removed = grant.enter(a.processid(), (data, kd) -> kd.removePendingUpcalls(0)).unwrap();

        assertThat(removed).isEqualTo(2);
        assertThat(a.pendingTasks()).isEqualTo(1);
    }

    @Test
    void processBuffersPastTheAllowCountsAreAddressOutOfBounds() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();

        grant.enter(a, (data, kd) -> {
            assertThat(kd.getReadonlyProcessbuffer(0).isOk()).isTrue();
            assertThat(kd.getReadwriteProcessbuffer(0).isOk()).isTrue();
            assertThat(kd.getReadonlyProcessbuffer(1).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
            assertThat(kd.getReadwriteProcessbuffer(1).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
            assertThat(kd.getReadonlyProcessbuffer(-1).unwrapErr()).isEqualTo(ProcessError.AddressOutOfBounds);
            return null;
        });
    }

    @Test
    void anEmptyAllowSlotGivesAnEmptyBuffer() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();

        int len = grant.enter(a, (data, kd) -> kd.getReadwriteProcessbuffer(0).unwrap().len()).unwrap();

        assertThat(len).isZero();
    }

    @Test
    void kernelDataCannotBeUsedAfterItsGrantWasLeft() {
        Grant<int[]> grant = counterGrantAndApps("a");
        ProcessId a = board.process("a").processid();
        var escaped = grant.enter(a, (data, kd) -> kd).unwrap();

        assertThatThrownBy(() -> escaped.scheduleUpcall(0, 0, 0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void createGrantAfterProcessesExistPanics() {
        counterGrantAndApps("a");

        assertThatThrownBy(() -> board.createGrant(0x11, GrantType.of(Object::new, 4, 4), 0, 0, 0))
                .isInstanceOf(KernelPanic.class)
                .hasMessage("Grants finalized. Cannot create a new grant.");
    }

    @Test
    void grantsAreNumberedInCreationOrder() {
        Grant<Object> g0 = board.createGrant(0x20, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        Grant<Object> g1 = board.createGrant(0x21, GrantType.of(Object::new, 4, 4), 0, 0, 0);

        assertThat(g0.grantNum()).isZero();
        assertThat(g1.grantNum()).isEqualTo(1);
        assertThat(g1.driverNum()).isEqualTo(0x21);
        assertThat(board.kernel().getGrantCountAndFinalize()).isEqualTo(2);
    }

    @Test
    void aGrantTooBigForTheGrantRegionIsOutOfMemory() {
        Grant<Object> huge = board.createGrant(0x20, GrantType.of(Object::new, 64 * 1024, 4), 0, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessStandard a = board.process("a");
        int grantStart = a.getAddresses().sramGrantStart();

        assertThat(huge.enter(a.processid(), (data, kd) -> 1).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(a.getAddresses().sramGrantStart()).isEqualTo(grantStart);
        assertThat(a.grantIsAllocated(0)).contains(false);
    }

    @Test
    void grantsAllocateUntilTheGrantRegionMeetsTheAppBreak() {
        List<Grant<Object>> grants = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            grants.add(board.createGrant(0x30 + i, GrantType.of(Object::new, 1000, 4), 0, 0, 0));
        }
        // 4 KiB of app memory: room for four 1004-byte grants, not five.
        board.addApp(TestApps.app("a", 4096, sys -> { }));
        board.load();
        ProcessStandard a = board.process("a");

        List<Result<Integer, ProcessError>> results = new ArrayList<>();
        for (Grant<Object> g : grants) {
            results.add(g.enter(a.processid(), (data, kd) -> 1));
        }

        assertThat(results).extracting(Result::isOk).containsExactly(true, true, true, true, false, false, false,
                false);
        assertThat(results.get(4).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(Integer.compareUnsigned(a.getAddresses().sramGrantStart(), a.getAddresses().sramAppBrk()))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void aDriverMayHaveOnlyOneGrantPerProcess() {
        Grant<Object> first = board.createGrant(0x40, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        Grant<Object> second = board.createGrant(0x40, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessId a = board.process("a").processid();

        assertThat(first.enter(a, (data, kd) -> 1).isOk()).isTrue();
        assertThat(second.enter(a, (data, kd) -> 1).unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
    }

    @Test
    void theTestDriverAllocatesItsGrantWhenAsked() {
        TestDriver driver = new TestDriver(board, 0x99, 1, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        ProcessId a = board.process("a").processid();

        assertThat(driver.allocateGrant(a).isOk()).isTrue();
        assertThat(driver.grant().iter()).hasSize(1);
    }
}
