package org.tock4j.kernel.core.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.grant.CustomGrant;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.process.ProcessError;

/** Custom grants: {@code GrantRegionAllocator.alloc_with}/{@code alloc_n_with} and {@code CustomGrant::enter}. */
class CustomGrantTests {
    private final TestBoard board = new TestBoard();
    private Grant<Object> grant;
    private ProcessStandard process;

    @BeforeEach
    void loadOneProcess() {
        grant = board.createGrant(0x10, GrantType.of(Object::new, 4, 4), 0, 0, 0);
        board.addApp(TestApps.app("a", sys -> { }));
        board.load();
        process = board.process("a");
        grant.enter(process.processid(), (data, kd) -> null);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private <T> Result<CustomGrant<T>, ProcessError> allocWith(int size, int align, T value) {
        return grant.enterWithAllocator(process.processid(), (data, kd, allocator) ->
                allocator.<T>allocWith(size, align, () -> value)).unwrap();
    }

    @Test
    void allocWithCarvesItsSizeFromTheGrantRegionAndHoldsTheValue() {
        int before = process.getAddresses().sramGrantStart();

        CustomGrant<String> custom = allocWith(16, 8, "hello").unwrap();

        int after = process.getAddresses().sramGrantStart();
        assertThat(after).isEqualTo((before - 16) & ~7);
        assertThat(custom.enter(s -> s + "!").unwrap()).isEqualTo("hello!");
        assertThat(custom.processid()).isEqualTo(process.processid());
    }

    @Test
    void aCustomGrantIsFoundAgainOutsideTheGrantItWasAllocatedIn() {
        CustomGrant<int[]> custom = allocWith(4, 4, new int[] {1}).unwrap();

        custom.enter(v -> v[0]++);

        assertThat(custom.enter(v -> v[0]).unwrap()).isEqualTo(2);
    }

    @Test
    void allocNWithMakesEachItemFromItsIndex() {
        int before = process.getAddresses().sramGrantStart();

        CustomGrant<List<Integer>> custom = grant.enterWithAllocator(process.processid(),
                (data, kd, allocator) -> allocator.<Integer>allocNWith(3, 4, 4, i -> i * 10)).unwrap().unwrap();

        assertThat(custom.enter(list -> list).unwrap()).containsExactly(0, 10, 20);
        assertThat(process.getAddresses().sramGrantStart()).isEqualTo(before - 12);
    }

    @Test
    void allocNWithWhoseTotalSizeOverflowsIsOutOfMemory() {
        int before = process.getAddresses().sramGrantStart();
        List<Integer> made = new ArrayList<>();

        Result<CustomGrant<List<Integer>>, ProcessError> r = grant.enterWithAllocator(process.processid(),
                (data, kd, allocator) -> allocator.<Integer>allocNWith(0x10000, 0x10000, 4, i -> {
                    made.add(i);
                    return i;
                })).unwrap();

        assertThat(r.unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
        assertThat(made).isEmpty();
        assertThat(process.getAddresses().sramGrantStart()).isEqualTo(before);
    }

    @Test
    void allocWithMoreThanTheFreeMemoryIsOutOfMemory() {
        assertThat(allocWith(64 * 1024, 4, "big").unwrapErr()).isEqualTo(ProcessError.OutOfMemory);
    }

    @Test
    void enteringACustomGrantOfARestartedProcessIsNoSuchApp() {
        CustomGrant<String> custom = allocWith(8, 4, "first life").unwrap();

        process.tryRestart(Optional.empty());

        assertThat(custom.enter(s -> s).unwrapErr()).isEqualTo(ProcessError.NoSuchApp);
    }

    @Test
    void enteringACustomGrantOfATerminatedProcessIsInactiveApp() {
        CustomGrant<String> custom = allocWith(8, 4, "x").unwrap();

        process.terminate(Optional.of(0));

        assertThat(custom.enter(s -> s).unwrapErr()).isEqualTo(ProcessError.InactiveApp);
    }

    @Test
    void aCustomGrantIdentifierIsItsOffsetFromTheEndOfProcessMemory() {
        var allocation = process.allocateCustomGrant(32, 4).unwrap();

        assertThat(allocation.identifier().offset())
                .isEqualTo(process.getAddresses().sramEnd() - allocation.address());
        assertThat(process.enterCustomGrant(allocation.identifier()).unwrap()).isEqualTo(allocation.address());
    }
}
