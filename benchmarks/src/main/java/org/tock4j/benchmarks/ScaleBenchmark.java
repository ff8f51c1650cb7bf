package org.tock4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
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
import org.tock4j.chips.emulator.MemoryBus;

/**
 * Measurement 7: many boards in one JVM. {@code boards} nRF52840-DKs, each running blink in four processes,
 * all run 10 s of virtual time side by side (each board's run on its own virtual thread); the wall time of
 * that is measured. Before the first run, the heap the idle boards take is measured too: the heap after
 * booting them (and a full GC) minus the heap before, per board, and the part of it that is not emulated
 * memory pages (flash and RAM are allocated by 4 KiB page on first write).
 *
 * <p>Targets: wall time linear in the number of boards; an idle board at most 256 KiB of heap beyond its
 * touched pages; 1000 boards run blink at least 50 times faster than real time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScaleBenchmark {
    static final int PROCESSES = 4;
    static final Duration RUN = Duration.ofSeconds(10);

    @Param({"1", "10", "100", "1000"})
    public int boards;

    private final List<Board> fleet = new ArrayList<>();
    private double heapPerBoardBytes;
    private double pagesPerBoardBytes;

    /** The heap measurement, reported beside the wall time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Heap per idle board, KiB. */
        public double heapPerBoardKiB;
        /** Of which emulated flash and RAM pages, KiB. */
        public double pagesPerBoardKiB;
        /** Heap per idle board beyond its pages, KiB. */
        public double beyondPagesPerBoardKiB;
    }

    @Setup(Level.Trial)
    public void bootFleet() {
        // One board booted, run for five virtual minutes (4,800 blink periods) and closed first: the classes,
        // caches and JIT code every board shares are then in place, not counted in the fleet's heap, and a small
        // fleet is not measured interpreted.
        try (Board warmUp = bootBoard()) {
            warmUp.runFor(Duration.ofMinutes(5));
        }
        long before = usedHeapAfterGc();
        for (int i = 0; i < boards; i++) {
            fleet.add(bootBoard());
        }
        // Start every process, so that each board has touched the pages it will keep using.
        runFleet(Duration.ofMillis(1));
        long after = usedHeapAfterGc();
        long pages = 0;
        for (Board board : fleet) {
            if (board.chip().memory() instanceof MemoryBus bus) {
                pages += bus.allocatedMemoryBytes();
            }
        }
        heapPerBoardBytes = (double) (after - before) / boards;
        pagesPerBoardBytes = (double) pages / boards;
    }

    @TearDown(Level.Trial)
    public void closeFleet() {
        for (Board board : fleet) {
            board.panic().ifPresent(report -> {
                throw new IllegalStateException("a board panicked:\n" + report);
            });
            board.close();
        }
        fleet.clear();
    }

    /** Every board runs 10 s of virtual time more; returns when all have. */
    @Benchmark
    public void runTenSeconds(Heap heap) {
        runFleet(RUN);
        heap.heapPerBoardKiB = heapPerBoardBytes / 1024;
        heap.pagesPerBoardKiB = pagesPerBoardBytes / 1024;
        heap.beyondPagesPerBoardKiB = (heapPerBoardBytes - pagesPerBoardBytes) / 1024;
    }

    private static Board bootBoard() {
        return Board.boot(BootRequest.board("nrf52840dk").apps("blink", "blink", "blink", "blink"));
    }

    private void runFleet(Duration duration) {
        List<Thread> runs = new ArrayList<>(fleet.size());
        for (Board board : fleet) {
            runs.add(Thread.ofVirtual().start(() -> board.runFor(duration)));
        }
        for (Thread run : runs) {
            try {
                run.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the boards ran", e);
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
