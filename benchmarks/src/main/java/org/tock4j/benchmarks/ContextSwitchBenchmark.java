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
import org.tock4j.benchmarks.apps.IpcPing;
import org.tock4j.benchmarks.apps.IpcPong;
import org.tock4j.benchmarks.board.BenchBoard;
import org.tock4j.boards.kit.AppSource;

/**
 * Measurement 3: a context switch between two processes under round robin. Two apps play yield-wait ping-pong
 * through IPC: each round is two switches (ping to pong, pong to ping), each through the kernel loop. Beside
 * it, in the same run, the virtual-thread ping-pong round, two handoffs: a process switch is two handoffs too
 * (process to kernel, kernel to the other process).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextSwitchBenchmark {
    /** IPC rounds per batch. */
    static final int ROUNDS = 500;
    /** Batches run before JMH's warm-up (see {@link BenchBoard#warmUp}). */
    static final Duration JIT_WARM_UP = Duration.ofSeconds(3);

    private BatchCounter counter;
    private BenchBoard bench;
    private VirtualThreadPingPong pingPong;

    @Setup(Level.Trial)
    public void boot() {
        counter = new BatchCounter();
        bench = BenchBoard.boot(counter, AppSource.of(IpcPong::new),
                AppSource.of(() -> new IpcPing("ping", counter)));
        pingPong = new VirtualThreadPingPong();
        bench.warmUp(JIT_WARM_UP, ROUNDS, ROUNDS);
    }

    @TearDown(Level.Trial)
    public void close() {
        pingPong.close();
        bench.close();
    }

    /** One switch from a process to the other (half an IPC round). */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public void processSwitch() {
        bench.runBatch(ROUNDS);
    }

    /** Half a ping-pong round between two virtual threads: one handoff. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public void virtualThreadHandoff() {
        pingPong.rounds(ROUNDS);
    }
}
