package org.tock4j.userland.libtock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.userland.fake.ScriptedSyscalls.MEMORY_START;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.fake.FakeRng;
import org.tock4j.userland.fake.ScriptedSyscalls;
import org.tock4j.userland.fake.Syscall;

class RngTests {

    private static final int RNG = 0x40001;

    private final ScriptedSyscalls sys = new ScriptedSyscalls();
    private final Heap heap = new Heap(sys);

    @Test
    void randomBytesAllowsAHeapBufferSubscribesAsksForNBytesWaitsForTheUpcallAndGivesBothBack() {
        FakeRng.install(sys).willReturn(0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x23, 0x45, 0x67);

        byte[] random = new Rng(sys, heap).randomBytes(8);

        assertThat(random).containsExactly(0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x23, 0x45, 0x67);
        int done = sys.calls(Syscall.Kind.SUBSCRIBE).get(0).r2();
        int buffer = sys.calls(Syscall.Kind.ALLOW_READ_WRITE).get(0).r2();
        assertThat(done).isNotZero();
        assertThat(buffer).isBetween(MEMORY_START, sys.appBreak() - 8);
        assertThat(sys.calls()).filteredOn(call -> call.kind() != Syscall.Kind.MEMOP).containsExactly(
                Syscall.subscribe(RNG, 0, done, 0),
                Syscall.allowReadWrite(RNG, 0, buffer, 8),
                Syscall.command(RNG, 1, 8, 0),
                Syscall.yield(1, 0, 0),
                Syscall.allowReadWrite(RNG, 0, 0, 0),
                Syscall.subscribe(RNG, 0, 0, 0));
        assertThat(sys.pendingUpcalls()).isZero();
    }

    @Test
    void fillWritesIntoTheGivenRangeOnly() {
        FakeRng.install(sys).willReturn(7, 8, 9);
        byte[] into = new byte[5];

        int received = new Rng(sys, heap).fill(into, 1, 3);

        assertThat(received).isEqualTo(3);
        assertThat(into).containsExactly(0, 7, 8, 9, 0);
    }

    @Test
    void aRequestLargerThanAChunkIsAskedForInPiecesThroughTheSameBuffer() {
        FakeRng.install(sys);
        Rng rng = new Rng(sys, heap, 4);

        byte[] random = rng.randomBytes(10);

        assertThat(random).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(sys.calls(Syscall.Kind.COMMAND))
                .containsExactly(Syscall.command(RNG, 1, 4, 0), Syscall.command(RNG, 1, 4, 0),
                        Syscall.command(RNG, 1, 2, 0));
        assertThat(sys.calls(Syscall.Kind.ALLOW_READ_WRITE)).extracting(Syscall::r3).containsExactly(4, 4, 2, 0);
        assertThat(heap.allocatedBytes()).isEqualTo(8);     // one 4-byte chunk, rounded to the heap's 8
    }

    @Test
    void theUpcallIsRegisteredOnceAndTheBufferKeptAcrossRequests() {
        FakeRng.install(sys);
        Rng rng = new Rng(sys, heap);

        rng.randomBytes(4);
        rng.randomBytes(4);

        List<Syscall> subscribes = sys.calls(Syscall.Kind.SUBSCRIBE);
        assertThat(subscribes.get(2).r2()).isEqualTo(subscribes.get(0).r2());
        List<Syscall> allows = sys.calls(Syscall.Kind.ALLOW_READ_WRITE);
        assertThat(allows.get(2).r2()).isEqualTo(allows.get(0).r2());
        assertThat(heap.allocatedBytes()).isEqualTo(Rng.DEFAULT_CHUNK_BYTES);
    }

    @Test
    void fewerBytesThanAskedEndTheRequestWithWhatArrived() {
        FakeRng.install(sys).deliveringAtMost(3);

        byte[] random = new Rng(sys, heap).randomBytes(8);

        assertThat(random).containsExactly(0, 1, 2);
        assertThat(sys.calls(Syscall.Kind.COMMAND)).containsExactly(Syscall.command(RNG, 1, 8, 0));
    }

    @Test
    void aRefusedRequestFailsWithTheKernelsErrorAndGivesTheBufferAndUpcallBack() {
        FakeRng.install(sys);
        sys.onCommand(RNG, 1, ScriptedSyscalls.failure(9));

        assertThatThrownBy(() -> new Rng(sys, heap).randomBytes(8))
                .isInstanceOfSatisfying(TockException.class, e -> {
                    assertThat(e.returnCode()).isEqualTo(ReturnCode.NOMEM);
                    assertThat(e.operation()).isEqualTo("Rng.fill(8)");
                });
        List<Syscall> calls = sys.calls();
        assertThat(calls.subList(calls.size() - 2, calls.size()))
                .containsExactly(Syscall.allowReadWrite(RNG, 0, 0, 0), Syscall.subscribe(RNG, 0, 0, 0));
    }

    @Test
    void anErrorStatusInTheUpcallFailsWithThatError() {
        sys.onCommand(RNG, 1, call -> {
            sys.scheduleUpcall(RNG, 0, 1, 0, 0);
            return ScriptedSyscalls.success();
        });

        assertThatThrownBy(() -> new Rng(sys, heap).randomBytes(4))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.FAIL));
        assertThat(sys.calls()).endsWith(Syscall.allowReadWrite(RNG, 0, 0, 0), Syscall.subscribe(RNG, 0, 0, 0));
    }

    @Test
    void aSecondRequestFromAnUpcallDuringARequestIsBusy() {
        FakeRng.install(sys);
        Rng rng = new Rng(sys, heap);
        TockException[] nested = new TockException[1];
        sys.installDriver(99);
        sys.subscribe(99, 0, sys.upcallAddress((a, b, c, d) -> {
            try {
                rng.randomBytes(2);
            } catch (TockException e) {
                nested[0] = e;
            }
        }), 0);
        sys.scheduleUpcall(99, 0, 0, 0, 0);

        assertThat(rng.randomBytes(2)).containsExactly(0, 1);
        assertThat(nested[0].returnCode()).isEqualTo(ReturnCode.BUSY);
    }

    @Test
    void aBoardWithoutTheRngFailsWithNodeviceAndDoesNotExist() {
        Rng rng = new Rng(sys, heap);

        assertThat(rng.exists()).isFalse();
        assertThatThrownBy(() -> rng.randomBytes(4))
                .isInstanceOfSatisfying(TockException.class,
                        e -> assertThat(e.returnCode()).isEqualTo(ReturnCode.NODEVICE));
    }

    @Test
    void askingForNothingMakesNoSystemCall() {
        assertThat(new Rng(sys, heap).randomBytes(0)).isEmpty();
        assertThat(sys.calls()).isEmpty();
    }
}
