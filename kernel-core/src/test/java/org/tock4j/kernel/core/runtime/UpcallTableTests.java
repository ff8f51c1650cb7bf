package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.core.testing.TestDriver;
import org.tock4j.kernel.process.State;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Upcall;

/** Where a JVM app's upcall functions live: addresses in its code area that pass the kernel's pointer check. */
class UpcallTableTests {
    private final TestBoard board = new TestBoard();

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void addressesAreThumbFunctionPointersInTheCodeAreaOneWordApart() {
        UpcallTable table = new UpcallTable(0x4_0040, 64);
        Upcall f = (a, b, c, d) -> { };
        Upcall g = (a, b, c, d) -> { };

        assertThat(table.register(f)).isEqualTo(0x4_0041);
        assertThat(table.register(g)).isEqualTo(0x4_0045);
        assertThat(table.register(f)).isEqualTo(0x4_0041);
        assertThat(table.lookup(0x4_0045)).contains(g);
        assertThat(table.lookup(0x4_0044)).isEmpty();
        assertThat(table.lookup(0x4_0049)).isEmpty();
        assertThat(table.lookup(0x4_0031)).isEmpty();
    }

    @ParameterizedTest(name = "code area of {0} bytes holds {1}")
    @CsvSource({"8, 1", "9, 2", "12, 2", "13, 3", "4, 0", "0, 0"})
    void everyAddressTheTableHandsOutLiesWhollyInsideTheCodeArea(int codeLength, int slots) {
        UpcallTable table = new UpcallTable(0x1000, codeLength);
        List<Integer> addresses = new ArrayList<>();

        for (int i = 0; i < slots; i++) {
            int n = i;
            addresses.add(table.register((a, b, c, d) -> addresses.add(n)));
        }

        assertThatThrownBy(() -> table.register((a, b, c, d) -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(addresses).allSatisfy(a -> assertThat(a + 4).isLessThanOrEqualTo(0x1000 + codeLength));
    }

    @Test
    void theLastUpcallSlotAnAppGetsCanBeSubscribed() {
        List<Registers> results = new ArrayList<>();
        board.addApp(TestApps.app("a", sys -> {
            int last = 0;
            try {
                for (int i = 0; ; i++) {
                    int n = i;
                    last = sys.upcallAddress((a, b, c, d) -> results.add(new Registers(n, a, b, c)));
                }
            } catch (IllegalStateException full) {
                results.add(sys.subscribe(0x99, 0, last, 0));
            }
        }));
        new TestDriver(board, 0x99, 1, 0, 0);
        board.load();

        board.runUntil(() -> !results.isEmpty(), 20);

        assertThat(results.getFirst().isSuccess()).isTrue();
    }

    @Test
    void anUpcallToAnAddressWithNoFunctionFaultsTheProcess() {
        board.faultPolicy(FaultPolicies.stop());
        TestDriver driver = new TestDriver(board, 0x99,
                1, 0, 0);
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            sys.subscribe(0x99, 0, ram + 8, 0);    // a valid pointer (app memory) with no function behind it
            sys.yield(1, 0, 0);
        }));
        board.load();
        board.steps(2);

        driver.scheduleUpcall(board.process("a").processid(), 0, 0, 0, 0);
        board.steps(2);

        assertThat(board.process("a").getState()).isEqualTo(State.FAULTED);
        assertThat(board.boundary("a").runtime().lastFault().orElseThrow().reason()).startsWith("no function at");
    }
}
