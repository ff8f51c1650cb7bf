package org.tock4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
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
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Measurement 4: entering and leaving a grant a process has allocated (the grant pointer table, the entered
 * flag, the kernel-managed layout read from process RAM), and {@code Grant.each} over the eight processes of a
 * board. Beside them, in the same run, the capsule's method called directly (not inlined).
 *
 * <p>Target: enter and leave at most 30 direct calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrantBenchmark {
    static final int PROCESSES = 8;

    private BenchBoard bench;
    private Grant<BenchDriver.App> grant;
    private SyscallDriver driver;
    private ProcessId first;

    @Setup(Level.Trial)
    public void boot() {
        BatchCounter counter = new BatchCounter();
        List<AppSource> apps = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            String name = "holder" + i;
            apps.add(AppSource.of(() -> new NopCommandLoop(name, counter)));
        }
        // Each app subscribes to the bench capsule as it starts: every process has the grant allocated.
        bench = BenchBoard.boot(counter, apps);
        grant = bench.driver().grant();
        driver = bench.driver();
        first = bench.processIds().getFirst();
        int[] allocated = {0};
        grant.each((processId, app, kernelData) -> allocated[0]++);
        if (allocated[0] != PROCESSES) {
            throw new IllegalStateException("expected the grant in " + PROCESSES + " processes, found " + allocated[0]);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** {@code Grant.enter} of one process and the leave after the closure. */
    @Benchmark
    public Result<BenchDriver.App, ProcessError> enterLeave() {
        return grant.enter(first, (app, kernelData) -> app);
    }

    /** {@code Grant.each} over eight processes with the grant allocated. */
    @Benchmark
    public int eachOverEight() {
        int[] visited = {0};
        grant.each((processId, app, kernelData) -> visited[0]++);
        return visited[0];
    }

    /** The capsule's {@code command} as a plain Java call. */
    @Benchmark
    public CommandReturn directCommand() {
        return SyscallBenchmark.directCall(driver, first);
    }
}
