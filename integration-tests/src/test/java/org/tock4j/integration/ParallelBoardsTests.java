package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.LedView;
import org.tock4j.testkit.TestBoard;

/** Boards run at the same time on different threads without touching each other. */
class ParallelBoardsTests {

    private static List<LedView.Change> blinkFor(long seed) {
        try (TestBoard board = TestBoard.boot(BootRequest.board("nrf52840dk").apps("hello", "blink").seed(seed))) {
            board.runFor(Duration.ofSeconds(2));
            assertThat(board.console().lines()).contains("Hello World!");
            return board.led(0).changes();
        }
    }

    @Test
    void boardsRunningConcurrentlyBehaveExactlyAsOneAlone() throws Exception {
        List<LedView.Change> alone = blinkFor(1);
        List<Future<List<LedView.Change>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> blinkFor(1)));
            }
            for (Future<List<LedView.Change>> r : results) {
                assertThat(r.get()).isEqualTo(alone);
            }
        }
    }
}
