package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.tock4j.boards.nrf52840dk.Nrf52840dkModule;
import org.tock4j.testkit.TestBoard;
import org.tock4j.testkit.TockBoard;

/** {@code @TockBoard} boots a board by name, from a board file, or from a Guice module; one way at a time. */
class TockBoardSourcesTests {

    @Test
    @TockBoard(apps = "hello")
    void withoutANameTheBoardIsTheNrf52840Dk(TestBoard board) {
        board.runFor(Duration.ofMillis(10));
        assertThat(board.board().name()).isEqualTo("nrf52840dk");
    }

    @Test
    @TockBoard("hail")
    void byNameTheBoardDiscoveryFindsBoots(TestBoard board) {
        board.console().waitForText("Hello World!", Duration.ofSeconds(1));
        assertThat(board.board().name()).isEqualTo("hail");
    }

    @Test
    @TockBoard(boardFile = "../examples/boards/two-led-nrf52840.yaml")
    void aBoardFileBootsWithItsOwnAppsAndLeds(TestBoard board) {
        board.runFor(Duration.ofMillis(1100));

        assertThat(board.board().name()).isEqualTo("two-led-board");
        assertThat(board.console()).hasLine("Hello World!");
        assertThat(board.ledCount()).isEqualTo(2);
        assertThat(board.led(0)).blinkedTimes(2);
        assertThat(board.process("blink")).isInState("YieldedFor");
    }

    @Test
    @TockBoard(boardFile = "../examples/boards/sensor-sam4l.yaml", apps = "hello", seed = 7)
    void aBoardFileTakesTheAppsAndSeedOfTheAnnotation(TestBoard board) {
        board.console().waitForLine("Hello World!", Duration.ofSeconds(1));
        assertThat(board.processes()).hasSize(1);
        assertThat(board.seed()).isEqualTo(7);
    }

    @Test
    @TockBoard(module = Nrf52840dkModule.class, apps = "hello")
    void aGuiceModuleIsTheBoard(TestBoard board) {
        board.console().waitForLine("Hello World!", Duration.ofSeconds(1));
        assertThat(board.board().name()).isEqualTo("nrf52840dk");
    }

    /** Names its board twice; run through the engine below. */
    static class TwoWays {
        @Test
        @TockBoard(value = "imix", boardFile = "../examples/boards/two-led-nrf52840.yaml")
        void boots(TestBoard board) {}
    }

    /** Names a board file that does not exist; run through the engine below. */
    static class MissingFile {
        @Test
        @TockBoard(boardFile = "no/such/board.yaml")
        void boots(TestBoard board) {}
    }

    @Test
    void namingTheBoardTwoWaysIsAnErrorSayingWhichOnesWereGiven() {
        assertThat(failureOf(TwoWays.class)).hasMessageContaining(
                "@TockBoard names its board 2 ways (value = \"imix\", boardFile = "
                        + "\"../examples/boards/two-led-nrf52840.yaml\"); give one of value (a board's name), "
                        + "module (a Guice module) or boardFile (a YAML board file)");
    }

    @Test
    void aMissingBoardFileIsNamed() {
        assertThat(failureOf(MissingFile.class)).hasMessageContaining("board file not found: no/such/board.yaml");
    }

    private static Throwable failureOf(Class<?> testClass) {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
