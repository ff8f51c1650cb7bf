package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class YieldTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();
    private final Yield yields = new Yield(sys, new Heap(sys));
    private final List<Integer> ran = new ArrayList<>();

    YieldTests() {
        sys.installDriver(7);
        sys.subscribe(7, 0, sys.upcallAddress((a, b, c, d) -> ran.add(a)), 0);
    }

    @Test
    void yieldWaitRunsOneUpcallThenReturns() {
        sys.scheduleUpcall(7, 0, 1, 0, 0);
        sys.scheduleUpcall(7, 0, 2, 0, 0);

        yields.yieldWait();

        assertThat(ran).containsExactly(1);
        assertThat(sys.calls()).endsWith(Syscall.yield(1, 0, 0));
    }

    @Test
    void yieldNoWaitSaysWhetherAnUpcallRanThroughAFlagByteInAppMemory() {
        sys.scheduleUpcall(7, 0, 1, 0, 0);

        assertThat(yields.yieldNoWait()).isTrue();
        assertThat(yields.yieldNoWait()).isFalse();

        assertThat(ran).containsExactly(1);
        List<Syscall> noWaits = sys.calls(Syscall.Kind.YIELD);
        int flag = noWaits.get(0).r1();
        assertThat(flag).isBetween(ScriptedSyscalls.MEMORY_START, sys.appBreak() - 1);
        assertThat(noWaits).containsExactly(Syscall.yield(0, flag, 0), Syscall.yield(0, flag, 0));
    }

    @Test
    void yieldWaitForReturnsTheUpcallsValuesWithoutRunningItsCallback() {
        sys.scheduleUpcall(7, 0, 1, 0, 0);
        sys.scheduleUpcall(7, 1, 10, 20, 30);

        UpcallArguments values = yields.yieldWaitFor(7, 1);

        assertThat(values).isEqualTo(new UpcallArguments(10, 20, 30));
        assertThat(ran).isEmpty();
        assertThat(sys.pendingUpcalls()).isEqualTo(1);
        assertThat(sys.calls()).endsWith(Syscall.yield(2, 7, 1));
    }

    @Test
    void yieldForRunsUpcallsUntilTheConditionHolds() {
        sys.scheduleUpcall(7, 0, 1, 0, 0);
        sys.scheduleUpcall(7, 0, 2, 0, 0);
        sys.scheduleUpcall(7, 0, 3, 0, 0);

        yields.yieldFor(() -> ran.contains(2));

        assertThat(ran).containsExactly(1, 2);
    }

    @Test
    void yieldForChecksTheConditionBeforeYielding() {
        yields.yieldFor(() -> true);

        assertThat(sys.calls(Syscall.Kind.YIELD)).isEmpty();
    }
}
