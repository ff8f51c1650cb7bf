package org.tock4j.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.tock4j.benchmarks.apps.BatchCounter;
import org.tock4j.benchmarks.apps.ConsoleWriteShape;
import org.tock4j.benchmarks.board.BenchBoard;
import org.tock4j.boards.kit.AppSource;

/**
 * Measurement 2: the console-write shape. The app allows a buffer, subscribes its callback and commands a
 * write; the capsule completes it from a deferred call ({@code scheduleUpcall}); the app's callback runs and
 * its yield returns. Beside it, in the same run, a virtual-thread ping-pong round: one handoff each way is the
 * floor of this round trip.
 *
 * <p>Target: at most 1.5 ping-pong rounds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UpcallBenchmark {
    /** Writes per batch; each is five system calls and two handoffs. */
    static final int BATCH = 1000;
    /** Batches run before JMH's warm-up (see {@link BenchBoard#warmUp}). */
    static final Duration JIT_WARM_UP = Duration.ofSeconds(3);

    private BatchCounter counter;
    private BenchBoard bench;
    private VirtualThreadPingPong pingPong;

    @Setup(Level.Trial)
    public void boot() {
        counter = new BatchCounter();
        bench = BenchBoard.boot(counter, AppSource.of(() -> new ConsoleWriteShape("writer", counter)));
        pingPong = new VirtualThreadPingPong();
        bench.warmUp(JIT_WARM_UP, BATCH, BATCH);
    }

    @TearDown(Level.Trial)
    public void close() {
        pingPong.close();
        bench.close();
    }

    /** Allow, subscribe, command, then yield until the callback ran: per write. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void allowSubscribeCommandUpcall() {
        bench.runBatch(BATCH);
    }

    /** One ping-pong round between two virtual threads (two handoffs). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void virtualThreadPingPong() {
        pingPong.rounds(BATCH);
    }
}
