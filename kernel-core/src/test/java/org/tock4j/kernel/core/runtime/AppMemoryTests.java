package org.tock4j.kernel.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.testing.CheckingMpu;
import org.tock4j.kernel.core.testing.TestApps;
import org.tock4j.kernel.core.testing.TestBoard;
import org.tock4j.kernel.process.State;

/**
 * An app's memory accesses on the JVM runtime: each width reads and writes the process's RAM, every access is
 * checked by the MPU first (a refused one faults the process at the first refused byte and changes nothing), and
 * every access is a preemption point.
 */
class AppMemoryTests {
    private final List<Object> log = new CopyOnWriteArrayList<>();
    private final TestBoard board = new TestBoard(new CheckingMpu());

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private String faultOf(String name) {
        return board.boundary(name).runtime().lastFault().orElseThrow().reason();
    }

    private void runUntilFaulted(String name) {
        board.runUntil(() -> board.process(name).getState() instanceof State.Faulted, 10);
    }

    @Test
    void everyWidthReadsAndWritesTheProcesssRam() {
        int[] ram = new int[1];
        board.addApp(TestApps.app("a", sys -> {
            ram[0] = TestApps.growAppMemory(sys, 256);
            var memory = sys.memory();
            memory.write8(ram[0], (byte) 0x11);
            memory.write32(ram[0] + 4, 0x4433_2211);
            memory.write(ram[0] + 8, new byte[] {0, 1, 2, 3, 4}, 1, 3);
            byte[] back = new byte[5];
            memory.read(ram[0] + 8, back, 2, 3);
            log.add(memory.read8(ram[0]));
            log.add(memory.read32(ram[0] + 4));
            log.add(List.of(back[0], back[1], back[2], back[3], back[4]));
            memory.read(ram[0], new byte[0], 0, 0);
            log.add("done");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.contains("done"), 10);

        assertThat(log).containsExactly((byte) 0x11, 0x4433_2211, List.of((byte) 0, (byte) 0, (byte) 1, (byte) 2,
                (byte) 3), "done");
        assertThat(board.memory().bytes(ram[0], 11)).containsExactly(0x11, 0, 0, 0, 0x11, 0x22, 0x33, 0x44, 1, 2, 3);
    }

    @Test
    void aWordWriteAcrossTheBreakFaultsAtTheBreakAndWritesNothing() {
        int[] brk = new int[1];
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("a", sys -> {
            int start = TestApps.growAppMemory(sys, 256);
            brk[0] = start + 256;
            sys.memory().write32(brk[0] - 2, 0xFFFF_FFFF);
            log.add("wrote past the break");
        }));
        board.load();

        runUntilFaulted("a");

        assertThat(faultOf("a")).isEqualTo(String.format("MPU fault: write at %#010x", brk[0]));
        assertThat(board.memory().bytes(brk[0] - 2, 4)).containsOnly(0);
        assertThat(log).isEmpty();
    }

    @Test
    void eachAccessKindIsCheckedBeforeItHappens() {
        int[] brk = new int[1];
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("w8", sys -> {
            brk[0] = TestApps.growAppMemory(sys, 256) + 256;
            sys.memory().write8(brk[0], (byte) 1);
        }));
        board.addApp(TestApps.app("w", sys -> {
            int b = TestApps.growAppMemory(sys, 256) + 256;
            sys.memory().write(b - 1, new byte[] {7, 7}, 0, 2);
        }));
        board.addApp(TestApps.app("r", sys -> {
            int b = TestApps.growAppMemory(sys, 256) + 256;
            sys.memory().read(b - 1, new byte[2], 0, 2);
        }));
        board.addApp(TestApps.app("r32", sys -> {
            int b = TestApps.growAppMemory(sys, 256) + 256;
            log.add(sys.memory().read32(b - 3));
        }));
        board.load();

        for (String name : List.of("w8", "w", "r", "r32")) {
            runUntilFaulted(name);
        }

        int wBreak = board.process("w").getAddresses().sramAppBrk();
        int rBreak = board.process("r").getAddresses().sramAppBrk();
        int r32Break = board.process("r32").getAddresses().sramAppBrk();
        assertThat(faultOf("w8")).isEqualTo(String.format("MPU fault: write at %#010x", brk[0]));
        assertThat(board.memory().read8(brk[0])).isZero();
        assertThat(faultOf("w")).isEqualTo(String.format("MPU fault: write at %#010x", wBreak));
        assertThat(board.memory().bytes(wBreak - 1, 2)).containsOnly(0);
        assertThat(faultOf("r")).isEqualTo(String.format("MPU fault: read at %#010x", rBreak));
        assertThat(faultOf("r32")).isEqualTo(String.format("MPU fault: read at %#010x", r32Break));
        assertThat(log).isEmpty();
    }

    @Test
    void flashReadsButDoesNotWrite() {
        int[] code = new int[1];
        board.faultPolicy(FaultPolicies.stop());
        board.addApp(TestApps.app("a", sys -> {
            code[0] = board.process("a").getAddresses().flashNonProtectedStart();
            log.add(sys.memory().read32(code[0]));
            sys.memory().write8(code[0], (byte) 1);
            log.add("wrote flash");
        }));
        board.load();

        runUntilFaulted("a");

        assertThat(log).containsExactly(board.memory().read32(code[0]));
        assertThat(faultOf("a")).isEqualTo(String.format("MPU fault: write at %#010x", code[0]));
    }

    @Test
    void anInterruptThatArrivesWhileAppCodeRunsIsTakenAtItsNextMemoryAccess() {
        board.addApp(TestApps.app("a", sys -> {
            int ram = TestApps.growAppMemory(sys, 64);
            board.chip().raiseInterrupt(() -> log.add("interrupt serviced"));
            log.add("raised");
            sys.memory().read8(ram);
            log.add("read");
            TestApps.park(sys);
        }));
        board.load();

        board.runUntil(() -> log.contains("read"), 10);

        assertThat(log).containsExactly("raised", "interrupt serviced", "read");
    }
}
