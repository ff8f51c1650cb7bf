package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.LedView;
import org.tock4j.testkit.LedView.Change;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;

/**
 * Blink counts in binary on the LEDs, one step every 250 ms, like libtock-c's blink.
 *
 * <p>Where the edges fall, exactly: the RTC counts from 0 at reset at 32768 Hz, so 250 ms is exactly 8192 ticks
 * and the alarm fires on the tick, at k × 250 ms. Blink then sets its LEDs in index order with one command each;
 * a system call costs 200 CPU cycles at 64 MHz, 3125 ns, charged before it takes effect. So LED i changes
 * (i + 1) × 3125 ns after the alarm.
 */
@TockBoard(value = "nrf52840dk", apps = "blink")
class BlinkTests {
    private static final long PERIOD_NS = 250_000_000L;
    private static final long SYSCALL_NS = 3_125L;

    @Test
    void ledsCountInBinaryEvery250Ms(TestBoard board) {
        board.runFor(Duration.ofMillis(1900));

        // LED i is on iff bit i of the count is set; the count reaches 7 at 1.75 s.
        assertThat(onTimes(board.led(0))).hasSize(4);
        assertThat(onTimes(board.led(1))).hasSize(2);
        assertThat(onTimes(board.led(2))).hasSize(1);
        assertThat(onTimes(board.led(3))).isEmpty();
    }

    @Test
    void firstLedTogglesExactlyEvery250MsOfVirtualTime(TestBoard board) {
        board.runFor(Duration.ofMillis(2100));

        assertThat(afterBoot(board.led(0))).containsExactly(
                new Change(1 * PERIOD_NS + SYSCALL_NS, true),
                new Change(2 * PERIOD_NS + SYSCALL_NS, false),
                new Change(3 * PERIOD_NS + SYSCALL_NS, true),
                new Change(4 * PERIOD_NS + SYSCALL_NS, false),
                new Change(5 * PERIOD_NS + SYSCALL_NS, true),
                new Change(6 * PERIOD_NS + SYSCALL_NS, false),
                new Change(7 * PERIOD_NS + SYSCALL_NS, true),
                new Change(8 * PERIOD_NS + SYSCALL_NS, false));
    }

    @Test
    void secondLedChangesOneCommandAfterTheFirst(TestBoard board) {
        board.runFor(Duration.ofMillis(2100));

        assertThat(afterBoot(board.led(1))).containsExactly(
                new Change(2 * PERIOD_NS + 2 * SYSCALL_NS, true),
                new Change(4 * PERIOD_NS + 2 * SYSCALL_NS, false),
                new Change(6 * PERIOD_NS + 2 * SYSCALL_NS, true),
                new Change(8 * PERIOD_NS + 2 * SYSCALL_NS, false));
    }

    @Test
    void ledEdgesHappenAtTheSameVirtualTimesEveryRun(TestBoard board) {
        board.runFor(Duration.ofSeconds(1));
        List<Change> first = afterBoot(board.led(0));

        try (TestBoard again = TestBoard.boot(BootRequest.board("nrf52840dk").apps("blink"))) {
            again.runFor(Duration.ofSeconds(1));
            assertThat(afterBoot(again.led(0))).isEqualTo(first).isNotEmpty();
        }
    }

    private static List<Long> onTimes(LedView led) {
        return afterBoot(led).stream().filter(Change::on).map(Change::timeNs).toList();
    }

    /** The LED's changes after the LED driver set it up at boot (time 0). */
    private static List<Change> afterBoot(LedView led) {
        return led.changes().stream().filter(c -> c.timeNs() > 0).toList();
    }
}
