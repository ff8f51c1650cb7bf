package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.tock4j.apps.Hello;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/** What the testkit gives a test author, each feature used as a user would. */
class TestkitTests {

    /** Exits with code 42. */
    public static final class Exiter implements App {
        @Override
        public String name() {
            return "exiter";
        }

        @Override
        public void main(Syscalls sys) {
            sys.exit(0, 42);
        }
    }

    @Test
    @TockBoard(appClasses = {Hello.class, Exiter.class})
    void appsCanBeGivenAsClasses(TestBoard board) {
        board.runFor(Duration.ofMillis(50));

        assertThat(board.console()).hasLine("Hello World!");
        assertThat(board.process("exiter")).isTerminatedWithCode(42).hasRestarts(0);
        assertThat(board.process("hello")).isInState("Yielded");
    }

    @Test
    @TockBoard(apps = "hello")
    void waitForLineRunsUntilTheLineIsTransmitted(TestBoard board) {
        board.console().waitForLine("Hello World!", Duration.ofSeconds(1));

        // The 14 bytes take 14 byte times at 115200 baud after the write: the run stopped right after them.
        assertThat(board.now()).isLessThan(Duration.ofMillis(5));
    }

    @Test
    @TockBoard(apps = "hello")
    void waitingForALineThatNeverComesFailsWithAReport(TestBoard board) {
        assertThatThrownBy(() -> board.console().waitForLine("Goodbye", Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("condition not met after PT0.2S of virtual time")
                .hasMessageContaining("hello Yielded")
                .hasMessageContaining("Hello World!");
    }

    @Test
    @TockBoard(apps = "blink")
    void ledAssertionsReadLikeTheBoard(TestBoard board) {
        board.runFor(Duration.ofMillis(2100));

        assertThat(board.led(0)).blinkedTimes(4).isBlinkingWithPeriod(Duration.ofMillis(500)).isOff();
        assertThat(board.led(1)).isBlinkingWithPeriod(Duration.ofSeconds(1));
        assertThatThrownBy(() -> assertThat(board.led(0)).isBlinkingWithPeriod(Duration.ofMillis(300)))
                .hasMessageContaining("expected LED1 to blink every PT0.3S");
    }

    @Test
    @TockBoard(apps = "blink")
    void stepRunsOneKernelLoopIteration(TestBoard board) {
        int before = board.processes().get(0).syscallCount();
        board.step();
        board.step();
        assertThat(board.processes().get(0).syscallCount()).isGreaterThan(before);
    }

    @Test
    @TockBoard(apps = "hello")
    void pinsCanBeDrivenAndReadFromOutside(TestBoard board) {
        var pin = board.pin("P0.11");
        pin.drive(true);
        assertThat(pin.level()).isTrue();
        pin.hold(Duration.ofMillis(10));
        assertThat(pin.edges()).extracting(e -> e.level()).containsSubsequence(true, false);
        // Released after the 10 ms hold: the last edge is the release, at the end of the run.
        assertThat(pin.edges().get(pin.edges().size() - 1).timeNs()).isEqualTo(board.nowNs());
    }

    /** Fails on purpose; run through the engine below to see what the report says. */
    static class FailingBoardTest {
        @Test
        @TockBoard(apps = "hello", seed = 1234)
        void fails(TestBoard board) {
            board.runFor(Duration.ofMillis(10));
            assertThat(board.console()).hasLine("Goodbye");
        }
    }

    @Test
    void aFailingBoardTestNamesTheSeedItRanWith() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingBoardTest.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
        assertThat(failure.getSuppressed()).anySatisfy(s -> assertThat(s.getMessage())
                .contains("board nrf52840dk seed 1234 at virtual time PT0.01S"));
    }
}
