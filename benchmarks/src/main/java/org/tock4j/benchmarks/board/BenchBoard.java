package org.tock4j.benchmarks.board;

import java.time.Duration;
import java.util.List;

import com.google.inject.util.Modules;

import org.tock4j.benchmarks.apps.BatchCounter;
import org.tock4j.benchmarks.capsule.BenchDriver;
import org.tock4j.benchmarks.capsule.BenchDriverHandle;
import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.nrf52840dk.Nrf52840dkModule;
import org.tock4j.kernel.process.ProcessId;

/**
 * An nRF52840-DK with the bench capsule, running benchmark apps that work in batches.
 *
 * <pre>{@code
 * BatchCounter counter = new BatchCounter();
 * try (BenchBoard bench = BenchBoard.boot(counter, AppSource.of(() -> new NopCommandLoop("nop", counter)))) {
 *     bench.runBatch(1000);      // every app performs 1000 operations; returns when they are done
 * }
 * }</pre>
 */
public final class BenchBoard implements AutoCloseable {
    /** Virtual time after boot for the apps to set themselves up (discovery, subscriptions). */
    private static final Duration SETTLE = Duration.ofMillis(20);
    /** A batch that has not completed after this much virtual time is a broken benchmark. */
    private static final Duration BATCH_LIMIT = Duration.ofHours(1);

    private final Board board;
    private final BenchDriverHandle handle;
    private final BatchCounter counter;
    private long target;

    private BenchBoard(Board board, BenchDriverHandle handle, BatchCounter counter) {
        this.board = board;
        this.handle = handle;
        this.counter = counter;
    }

    /** Boots the board with {@code apps} (in process slot order) and lets them set up. */
    public static BenchBoard boot(BatchCounter counter, List<AppSource> apps) {
        BenchDriverHandle handle = new BenchDriverHandle();
        BootRequest request = BootRequest.modules(BenchBoardModule.NAME,
                Modules.override(new Nrf52840dkModule()).with(new BenchBoardModule(handle)));
        apps.forEach(request::app);
        Board board = Board.boot(request);
        board.runFor(SETTLE);
        board.panic().ifPresent(report -> {
            throw new IllegalStateException("the bench board panicked while its apps set up:\n" + report);
        });
        return new BenchBoard(board, handle, counter);
    }

    public static BenchBoard boot(BatchCounter counter, AppSource... apps) {
        return boot(counter, List.of(apps));
    }

    /**
     * Starts a batch of {@code size} operations in every app and runs the board until the apps have completed
     * {@code expectedOperations} more operations in all.
     */
    public void runBatch(int size, int expectedOperations) {
        target += expectedOperations;
        handle.driver().startBatch(size);
        if (!board.runUntil(() -> counter.completed() >= target, BATCH_LIMIT)) {
            throw new IllegalStateException("batch not completed: " + counter.completed() + " of " + target
                    + " operations" + board.panic().map(p -> "; the board panicked:\n" + p).orElse(""));
        }
    }

    /**
     * Runs batches for {@code wall} of wall time, so that the JIT has compiled the kernel's paths before JMH's
     * own warm-up: a batch runs each path only a few thousand times.
     */
    public void warmUp(Duration wall, int size, int expectedOperations) {
        long end = System.nanoTime() + wall.toNanos();
        while (System.nanoTime() < end) {
            runBatch(size, expectedOperations);
        }
    }

    /** {@link #runBatch(int, int)} for a board with one batched app. */
    public void runBatch(int size) {
        runBatch(size, size);
    }

    public Board board() {
        return board;
    }

    public BenchDriver driver() {
        return handle.driver();
    }

    /** The identifiers of the board's processes, in slot order. */
    public List<ProcessId> processIds() {
        return board.kernel().getProcessIter().stream().map(p -> p.processid()).toList();
    }

    @Override
    public void close() {
        board.close();
    }
}
