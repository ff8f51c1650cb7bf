package org.tock4j.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.tock4j.benchmarks.apps.BatchCounter;
import org.tock4j.benchmarks.apps.NopCommandLoop;
import org.tock4j.benchmarks.board.BenchBoard;
import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.boards.kit.AppSource;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Measurement 1: a system call round trip. A JVM app issues {@code command} to a capsule that succeeds at once,
 * through the whole kernel path (filter, tracing off, driver lookup, TRD104 return encoding); beside it, in the
 * same run, the same capsule method called directly (not inlined) and a virtual-thread ping-pong round.
 *
 * <p>Targets: the system call costs at most 50 direct calls, and less than half a ping-pong round: the fast
 * path must not switch threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyscallBenchmark {
    /** Commands per batch: 2000 × 200 cycles at 64 MHz stay inside one 10 ms round-robin timeslice. */
    static final int BATCH = 2000;
    /** Batches run before JMH's warm-up (see {@link BenchBoard#warmUp}). */
    static final Duration JIT_WARM_UP = Duration.ofSeconds(3);

    private BatchCounter counter;
    private BenchBoard bench;
    private SyscallDriver driver;
    private ProcessId caller;
    private VirtualThreadPingPong pingPong;

    @Setup(Level.Trial)
    public void boot() {
        counter = new BatchCounter();
        bench = BenchBoard.boot(counter, AppSource.of(() -> new NopCommandLoop("nop", counter)));
        driver = bench.driver();
        caller = bench.processIds().getFirst();
        pingPong = new VirtualThreadPingPong();
        bench.warmUp(JIT_WARM_UP, BATCH, BATCH);
    }

    @TearDown(Level.Trial)
    public void close() {
        pingPong.close();
        bench.close();
    }

    /** The app's {@code command} through the kernel, per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void kernelCommand() {
        bench.runBatch(BATCH);
    }

    /** The same capsule's {@code command} as a plain Java call. */
    @Benchmark
    public CommandReturn directCommand() {
        return directCall(driver, caller);
    }

    /** One ping-pong round between two virtual threads (two handoffs). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void virtualThreadPingPong() {
        pingPong.rounds(BATCH);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static CommandReturn directCall(SyscallDriver driver, ProcessId caller) {
        return driver.command(BenchDriver.CMD_NOP, 0, 0, caller);
    }
}
