package org.tock4j.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;

/**
 * Measurement 5: how much faster than real time a board runs. The nRF52840-DK runs blink (the LEDs change
 * every 250 ms, the app sleeping on the alarm in between) for a stretch of virtual time; the wall time of the
 * run is measured, once for a short and once for a long stretch, so that the cost per blink period shows
 * whether idle time is skipped (equal costs) or simulated (a cost growing with the stretch).
 *
 * <p>Target: one hour of virtual time at least 100,000 times faster than real time, and wall time linear in
 * the number of blink periods.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VirtualTimeBenchmark {
    /** The blink app's period. */
    static final Duration BLINK_PERIOD = Duration.ofMillis(250);

    /** Virtual minutes of blink: 6 (1,440 periods) and 60 (14,400 periods). */
    @Param({"6", "60"})
    public int minutes;

    private Board board;

    /**
     * Blink's code paths run once per period, so a short run alone would be measured half interpreted: a
     * board first runs two virtual hours of blink (28,800 periods), enough for the JIT to compile them.
     */
    @Setup(Level.Trial)
    public void warmUpJit() {
        try (Board warmUp = Board.boot(BootRequest.board("nrf52840dk").apps("blink"))) {
            warmUp.runFor(Duration.ofHours(2));
        }
    }

    @Setup(Level.Iteration)
    public void boot() {
        board = Board.boot(BootRequest.board("nrf52840dk").apps("blink"));
    }

    @TearDown(Level.Iteration)
    public void close() {
        board.panic().ifPresent(report -> {
            throw new IllegalStateException("blink panicked:\n" + report);
        });
        board.close();
    }

    /** Runs blink for {@link #minutes} of virtual time. */
    @Benchmark
    public long blink() {
        board.runFor(Duration.ofMinutes(minutes));
        return board.nowNs();
    }
}
