package org.tock4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Measurement 6, cold: the whole {@code ./tock4j run --for 1s} command as a user types it, a new JVM each time
 * (the launcher's staleness check, the JVM's start, discovery, boot, one virtual second of hello and blink,
 * the summary). The launcher must find nothing to build: a measured run that builds fails the benchmark (the
 * warm-up run may build, if sources changed since the suite started).
 *
 * <p>The repository root comes from the system property {@code tock4j.root} (the report generator sets it),
 * else the working directory or its parent.
 *
 * <p>Target: at most 1.5 s of wall time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdRunBenchmark {
    private Path launcher;

    private boolean warmUp;

    /** Warm-up iterations may build (sources changed since the suite built); measured ones must not. */
    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        warmUp = params.getType() == IterationType.WARMUP;
    }

    @Setup(Level.Trial)
    public void findLauncher() {
        launcher = repositoryRoot().resolve("tock4j");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no executable launcher at " + launcher + " (set -Dtock4j.root)");
        }
    }

    /** One {@code ./tock4j run --for 1s}, start to exit. */
    @Benchmark
    public int runForOneSecond() throws IOException, InterruptedException {
        Process run = new ProcessBuilder(launcher.toString(), "run", "--for", "1s")
                .directory(launcher.getParent().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String errors = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = run.waitFor();
        if (status != 0) {
            throw new IllegalStateException("./tock4j run --for 1s exited with " + status + ": " + errors);
        }
        if (!warmUp && errors.contains("building")) {
            throw new IllegalStateException("./tock4j run built the project first; run './tock4j bench' (which "
                    + "builds before measuring) or build before benchmarking: " + errors);
        }
        return status;
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("tock4j.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("tock4j")) || here.getParent() == null ? here : here.getParent();
    }
}
