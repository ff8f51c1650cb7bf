package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.TestBoard;

/**
 * The same apps, unchanged, on all three boards: the nRF52840-DK and the SAM4L-based imix and hail.
 */
class AllBoardsTests {

    /** Each board's first user button, by the name its world gives it. */
    private static final Map<String, String> BUTTON = Map.of("nrf52840dk", "BUTTON1", "imix", "USER_BTN",
            "hail", "BUTTON");

    private static TestBoard boot(String board, String... apps) {
        return TestBoard.boot(BootRequest.board(board).apps(apps));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void helloPrintsOnTheConsole(String board) {
        try (TestBoard b = boot(board, "hello")) {
            b.console().waitForLine("Hello World!", Duration.ofSeconds(1));
            assertThat(b.process("hello")).isInState("Yielded");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void blinkTogglesTheFirstLedAboutEvery250Ms(String board) {
        try (TestBoard b = boot(board, "blink")) {
            b.runFor(Duration.ofMillis(2100));
            // 250 ms as the board's alarm counts it: exactly on the nRF52's RTC; the SAM4L's AST is declared
            // at 16 kHz and counts 16384 Hz, as on real imix and hail boards, so its 250 ms last 244 ms.
            assertThat(b.led(0)).isBlinkingWithPeriod(Duration.ofMillis(500), Duration.ofMillis(15));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void pressingAButtonTogglesTheLedWithItsIndex(String board) {
        try (TestBoard b = boot(board, "buttons")) {
            b.runFor(Duration.ofMillis(50));
            boolean before = b.led(0).isOn();

            b.pin(BUTTON.get(board)).hold(Duration.ofMillis(20));
            b.runFor(Duration.ofMillis(20));
            assertThat(b.led(0).isOn()).isNotEqualTo(before);

            b.pin(BUTTON.get(board)).hold(Duration.ofMillis(20));
            b.runFor(Duration.ofMillis(20));
            assertThat(b.led(0).isOn()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void rngPrintsEightRandomBytesEverySecond(String board) {
        try (TestBoard b = boot(board, "rng")) {
            b.runFor(Duration.ofMillis(2500));
            // The process console's prompt shares the UART, so a line may start with "tock$ ".
            assertThat(b.console().lines()).filteredOn(l -> l.contains("Random: ")).hasSize(3)
                    .allMatch(l -> l.matches("(tock\\$ )?Random: 0x[0-9a-f]{16}"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void sensorsPrintsTheTemperatureTheBoardMeasures(String board) {
        try (TestBoard b = boot(board, "sensors")) {
            b.sensor("temperature").set(23.5);
            b.runFor(Duration.ofMillis(1500));
            // The nRF52's TEMP has quarter degrees; the Si7021 of imix and hail reads 23.49 with Tock's formula.
            assertThat(b.console().lines()).anyMatch(l -> l.matches("(tock\\$ )?Temperature: 23\\.(50|49) C"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void theProcessConsoleListsTheProcesses(String board) {
        try (TestBoard b = boot(board, "hello", "blink")) {
            b.console().waitForText("tock$ ", Duration.ofSeconds(1));
            b.console().writeLine("list");
            b.console().waitForText("blink", Duration.ofSeconds(1));
            b.runFor(Duration.ofMillis(50));
            assertThat(b.console().text()).contains(" PID", "hello", "blink");

            b.console().writeLine("stop blink");
            b.runFor(Duration.ofMillis(50));
            assertThat(b.process("blink")).isInState("Stopped");
        }
    }
}
