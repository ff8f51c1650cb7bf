package org.tock4j.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.tock4j.benchmarks.apps.FirstStatement;
import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;

/**
 * Measurement 6, warm: booting the nRF52840-DK by name with four processes, in a JVM that has booted it
 * before. Discovery, the Guice injector, the chip and its peripherals, the capsules and their grants, the TBF
 * images and the process loader, then the kernel loop until each of the four apps has run its first
 * statement.
 *
 * <p>Target: at most 2 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BootBenchmark {
    static final int PROCESSES = 4;

    private AtomicInteger reached;
    private List<AppSource> apps;
    private Board booted;

    @Setup(Level.Invocation)
    public void prepare() {
        reached = new AtomicInteger();
        apps = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            String name = "app" + i;
            AtomicInteger counter = reached;
            apps.add(AppSource.of(() -> new FirstStatement(name, counter)));
        }
    }

    @TearDown(Level.Invocation)
    public void close() {
        if (reached.get() != PROCESSES) {
            throw new IllegalStateException("only " + reached.get() + " of " + PROCESSES + " apps started");
        }
        booted.close();
    }

    /** Boot to the first statement of every app. */
    @Benchmark
    public Board bootToFirstStatement() {
        BootRequest request = BootRequest.board("nrf52840dk");
        apps.forEach(request::app);
        booted = Board.boot(request);
        booted.runUntil(() -> reached.get() == PROCESSES, Duration.ofSeconds(1));
        return booted;
    }
}
