package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tock4j.boards.kit.BootException;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.TestBoard;

/** Boards described in YAML: they boot as described, and every mistake is one error naming its line. */
class BoardFileTests {

    private static final String GOOD = """
            board: little-board
            chip: nRF52840
            processes: 2
            fault-policy: stop
            apps: [hello, blink]
            capsules:
              - {component: alarm, driver: 0x0, alarm: RTC1}
              - {component: console, driver: 0x1, uart: UARTE0}
              - {component: led, driver: 0x2, leds: [P0.14, P0.13], active: low}
            """;

    private static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("board.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static BootException bootFails(Path dir, String yaml) throws IOException {
        Path file = write(dir, yaml);
        try {
            TestBoard.boot(BootRequest.boardFile(file)).close();
        } catch (BootException e) {
            return e;
        }
        throw new AssertionError("the board file booted");
    }

    @Test
    void aBoardFileBootsWithItsCapsulesPinsAndApps(@TempDir Path dir) throws IOException {
        try (TestBoard board = TestBoard.boot(BootRequest.boardFile(write(dir, GOOD)))) {
            board.runFor(Duration.ofMillis(1100));
            assertThat(board.console()).hasLine("Hello World!");
            assertThat(board.ledCount()).isEqualTo(2);
            // LED 0 is the first pin listed: P0.14.
            assertThat(board.led(0).name()).isEqualTo("LED1");
            assertThat(board.pin("P0.14").edges()).isNotEmpty();
            assertThat(board.board().plan().processSlots()).isEqualTo(2);
        }
    }

    @Test
    void theSam4lExampleBoardFileBoots() {
        Path example = Path.of("..", "examples", "boards", "sensor-sam4l.yaml");
        try (TestBoard board = TestBoard.boot(BootRequest.boardFile(example))) {
            board.runFor(Duration.ofMillis(600));
            assertThat(board.console()).hasLine("Hello World!");
            assertThat(board.pin("PC10").edges()).isNotEmpty();
        }
    }

    @Test
    void anUnknownChipIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("chip: nRF52840", "chip: nRF99"));
        assertThat(e.problems()).containsExactly("line 2: unknown chip 'nRF99' (known: SAM4L, nRF52840)");
    }

    @Test
    void anUnknownComponentIsNamedWithItsLineAndTheKnownOnes(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("component: led", "component: leds"));
        assertThat(e.problems()).singleElement().asString()
                .startsWith("line 9: unknown capsule component 'leds' (known: ").contains("led", "console");
    }

    @Test
    void aHilNoBindingSatisfiesIsNamed(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("uart: UARTE0", "uart: UARTE7"));
        assertThat(e.problems()).singleElement().asString().startsWith("line 8: capsule 'console' needs a Uart for "
                + "'uart', and chip has no Uart named 'UARTE7' (it has: UARTE0, UARTE1)");
    }

    @Test
    void aDriverNumberUsedTwiceIsNamed(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("component: led, driver: 0x2", "component: led, driver: 0x1"));
        assertThat(e.problems()).containsExactly("line 9: driver number 0x1 is used twice: by 'console' and by 'led'");
    }

    @Test
    void aPinUsedTwiceIsNamedWithBothLines(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD + "  - {component: button, driver: 0x3, buttons: [P0.13]}\n");
        assertThat(e.problems()).containsExactly("line 10: pin P0.13 is used twice (also at line 9)");
    }

    @Test
    void aTypoInASettingIsNamedWithTheSettingsThatExist(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("active: low", "activ: low"));
        assertThat(e.problems()).singleElement().asString()
                .startsWith("line 9: capsule 'led' has no setting 'activ' (its settings: ");
    }

    @Test
    void everyMistakeIsReportedAtOnceBeforeAnythingBoots(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, GOOD.replace("uart: UARTE0", "uart: UARTE7")
                .replace("[P0.14, P0.13]", "[P0.14, P9.99]").replace("processes: 2", "processes: many"));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("3 problems:").contains("1) line 3:", "2) line 8:", "3) line 9:");
    }

    @Test
    void brokenYamlIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        BootException e = bootFails(dir, "board: x\nchip: [nRF52840\n");
        assertThat(e.getMessage()).contains("line 3: not valid YAML");
    }

    @Test
    void aMissingBoardFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> TestBoard.boot(BootRequest.boardFile(dir.resolve("nope.yaml"))))
                .isInstanceOf(BootException.class).hasMessage("board file not found: " + dir.resolve("nope.yaml"));
    }
}
