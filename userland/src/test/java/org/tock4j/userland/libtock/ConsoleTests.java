package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.userland.fake.ScriptedSyscalls.MEMORY_START;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeConsole;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class ConsoleTests {

    private final ScriptedSyscalls sys = new ScriptedSyscalls();
    private final FakeConsole fake = FakeConsole.install(sys);
    private final Heap heap = new Heap(sys);

    @Test
    void writeAllowsTheBytesFromAHeapAddressThenWaitsForTheWriteDoneUpcall() {
        Console console = new Console(sys, heap);

        console.write("Hi!\r\n");

        int[] allow = fake.writeAllows().get(0);
        int buffer = allow[0];
        assertThat(buffer).isBetween(MEMORY_START, sys.appBreak() - 5);
        assertThat(allow[1]).isEqualTo(5);
        assertThat(sys.fakeMemory().peek(buffer, 5)).isEqualTo("Hi!\r\n".getBytes(StandardCharsets.UTF_8));
        int writeDone = firstSubscribedFunction();
        assertThat(writeDone).isNotZero();
        assertThat(sys.calls()).filteredOn(call -> call.kind() != Syscall.Kind.MEMOP).containsExactly(
                Syscall.subscribe(1, 1, writeDone, 0),
                Syscall.allowReadOnly(1, 1, buffer, 5),
                Syscall.command(1, 1, 5, 0),
                Syscall.yield(1, 0, 0),
                Syscall.allowReadOnly(1, 1, 0, 0),
                Syscall.subscribe(1, 1, 0, 0));
        assertThat(fake.output()).isEqualTo("Hi!\r\n");
        assertThat(sys.pendingUpcalls()).isZero();
    }

    @Test
    void writeKeepsYieldingUntilItsOwnUpcallHasRun() {
        Console console = new Console(sys, heap);
        int[] otherRan = {0};
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> otherRan[0]++), 0);
        sys.scheduleUpcall(99, 0, 1, 2, 3);

        console.write("x");

        assertThat(otherRan[0]).isEqualTo(1);
        assertThat(sys.calls(Syscall.Kind.YIELD)).containsExactly(Syscall.yield(1, 0, 0), Syscall.yield(1, 0, 0));
        assertThat(fake.output()).isEqualTo("x");
    }

    @Test
    void writeLongerThanAChunkIsSplitIntoPiecesAtTheSameBuffer() {
        Console console = new Console(sys, heap, 16);
        String text = "0123456789abcdefghijklmnopqrstuvwxyzABCD";

        console.write(text);

        assertThat(fake.output()).isEqualTo(text);
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(
                Syscall.command(1, 1, 16, 0), Syscall.command(1, 1, 16, 0), Syscall.command(1, 1, 8, 0));
        assertThat(fake.writeAllows()).extracting(allow -> allow[1]).containsExactly(16, 16, 8);
        assertThat(fake.writeAllows()).extracting(allow -> allow[0]).containsOnly(fake.writeAllows().get(0)[0]);
        assertThat(heap.allocatedBytes()).isEqualTo(16);
    }

    @Test
    void writeSendsTheRestWhenTheConsoleTookOnlyPartOfAPiece() {
        fake.takingAtMost(5);
        Console console = new Console(sys, heap);

        console.write("Hello, world");

        assertThat(fake.output()).isEqualTo("Hello, world");
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(
                Syscall.command(1, 1, 12, 0), Syscall.command(1, 1, 7, 0), Syscall.command(1, 1, 2, 0));
    }

    @Test
    void writeFailsWithTheConsolesErrorAndGivesTheBufferAndUpcallBack() {
        sys.onCommand(1, 1, ScriptedSyscalls.failure(2));
        Console console = new Console(sys, heap);

        assertThatThrownBy(() -> console.write("busy"))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.BUSY))
                .hasMessageContaining("Console.write(4)");
        List<Syscall> calls = sys.calls();
        assertThat(calls.subList(calls.size() - 2, calls.size()))
                .containsExactly(Syscall.allowReadOnly(1, 1, 0, 0), Syscall.subscribe(1, 1, 0, 0));
    }

    @Test
    void writeOnABoardWithoutAConsoleFailsWithNodevice() {
        ScriptedSyscalls bare = new ScriptedSyscalls();
        Console console = new Console(bare, new Heap(bare));

        assertThatThrownBy(() -> console.write("lost"))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }

    @Test
    void writeOfNothingMakesNoSystemCall() {
        new Console(sys, heap).write("");

        assertThat(sys.calls()).isEmpty();
    }

    @Test
    void readReturnsTheBytesTheConsoleReceivedIntoTheAllowedBuffer() {
        Console console = new Console(sys, heap);
        fake.type("tock");

        byte[] line = console.read(4);

        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("tock");
        assertThat(sys.calls()).filteredOn(call -> call.kind() != Syscall.Kind.MEMOP)
                .extracting(Syscall::toString)
                .containsExactly(
                        "subscribe(1, 2, " + hex(sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2()) + ", 0)",
                        "allowReadWrite(1, 1, " + hex(sys.calls(Syscall.Kind.ALLOW_READ_WRITE).get(0).r2()) + ", 4)",
                        "command(1, 2, 4, 0)",
                        "yield(1, 0, 0)",
                        "allowReadWrite(1, 1, 0, 0)",
                        "subscribe(1, 2, 0, 0)");
    }

    @Test
    void readLongerThanAChunkIsReceivedInPieces() {
        Console console = new Console(sys, heap, 3);
        fake.type("abcdefg");

        assertThat(new String(console.read(7), StandardCharsets.UTF_8)).isEqualTo("abcdefg");
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(
                Syscall.command(1, 2, 3, 0), Syscall.command(1, 2, 3, 0), Syscall.command(1, 2, 1, 0));
    }

    @Test
    void abortReadFromAnUpcallEndsTheReadWithTheBytesReceivedSoFar() {
        Console console = new Console(sys, heap);
        fake.type("ab");
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> console.abortRead()), 0);
        sys.scheduleUpcall(99, 0, 0, 0, 0);

        byte[] received = console.read(5);

        assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo("ab");
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(
                Syscall.command(1, 2, 5, 0), Syscall.command(1, 3, 0, 0));
    }

    @Test
    void aSecondWriteFromAnUpcallDuringAWriteIsBusy() {
        Console console = new Console(sys, heap);
        TockException[] nested = new TockException[1];
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> {
            try {
                console.write("nested");
            } catch (TockException e) {
                nested[0] = e;
            }
        }), 0);
        sys.scheduleUpcall(99, 0, 0, 0, 0);

        console.write("outer");

        assertThat(nested[0].returnCode()).isEqualTo(ReturnCode.BUSY);
        assertThat(fake.output()).isEqualTo("outer");
    }

    private int firstSubscribedFunction() {
        return sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2();
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
