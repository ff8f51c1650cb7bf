package org.tock4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tock4j.testkit.TockAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.testkit.TestBoard;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Console;
import org.tock4j.userland.libtock.Gpio;
import org.tock4j.userland.libtock.Libtock;

/**
 * The GPIO, low-level debug and IPC drivers driven by apps on each board, as the button, LED, console, alarm,
 * RNG and temperature drivers are in {@link AllBoardsTests}.
 */
class CoreCapsulesThroughAppsTests {

    /** GPIO numbers 0 and 1 of each board, by the names its world gives their pins. */
    private static final Map<String, List<String>> GPIO_0_AND_1 = Map.of(
            "nrf52840dk", List.of("P1.1", "P1.2"), "imix", List.of("D2", "D3"), "hail", List.of("D0", "D1"));

    /** Drives GPIO 0 high and reports every rising edge on GPIO 1 with the level it reads. */
    public static final class GpioEcho implements App {
        @Override
        public String name() {
            return "gpio_echo";
        }

        @Override
        public void main(Syscalls sys) {
            Libtock tock = new Libtock(sys);
            Gpio gpio = tock.gpio();
            Console console = tock.console();
            gpio.enableOutput(0);
            gpio.set(0);
            gpio.enableInput(1, Gpio.Pull.DOWN);
            gpio.onInterrupt((pin, high) -> console.write("edge on " + pin + ", reads " + gpio.read(pin) + "\n"));
            gpio.enableInterrupt(1, Gpio.Edge.RISING);
        }
    }

    /** Prints through the low-level debug driver, then raises an alert code. */
    public static final class Lldb implements App {
        @Override
        public String name() {
            return "lldb";
        }

        @Override
        public void main(Syscalls sys) {
            var lldb = new Libtock(sys).lowLevelDebug();
            lldb.print(0x1234);
            lldb.print(7, 0xBEEF);
            lldb.alert(0x2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void anAppDrivesOnePinAndHearsRisingEdgesOnAnother(String board) {
        List<String> pins = GPIO_0_AND_1.get(board);
        try (TestBoard b = TestBoard.boot(BootRequest.board(board).app(AppSource.ofClass(GpioEcho.class)))) {
            b.runFor(Duration.ofMillis(20));
            assertThat(b.pin(pins.get(0)).level()).isTrue();

            b.pin(pins.get(1)).drive(true);
            b.runFor(Duration.ofMillis(20));
            b.pin(pins.get(1)).drive(false);
            b.runFor(Duration.ofMillis(20));

            assertThat(b.console().lines()).filteredOn(l -> l.contains("edge on"))
                    .singleElement().asString().endsWith("edge on 1, reads true");
        }
    }

    /** Of the three boards, as in Tock, only the nRF52840-DK has the low-level debug driver. */
    @Test
    void lowLevelDebugPrintsOnTheConsoleUart() {
        try (TestBoard b = TestBoard.boot(BootRequest.board("nrf52840dk").app(AppSource.ofClass(Lldb.class)))) {
            b.runFor(Duration.ofMillis(50));
            assertThat(b.console().lines()).filteredOn(l -> l.contains("LowLevelDebug")).containsExactly(
                    "LowLevelDebug: App 0x0 prints 0x1234",
                    "LowLevelDebug: App 0x0 prints 0x7 0xbeef",
                    "LowLevelDebug: App 0x0 alert code 0x2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void anIpcClientHasItsTextRot13dByTheServiceAgainAndAgain(String board) {
        try (TestBoard b = TestBoard.boot(BootRequest.board(board).apps("org.tockos.examples.rot13",
                "rot13_client"))) {
            b.runFor(Duration.ofMillis(1200));
            // The process console's prompt shares the UART, so a line may start with "tock$ ".
            assertThat(b.console().lines()).filteredOn(l -> l.contains(": ")).map(l -> l.replace("tock$ ", ""))
                    .containsExactly("12: Uryyb Jbeyq!", "12: Hello World!", "12: Uryyb Jbeyq!");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrf52840dk", "imix", "hail"})
    void anIpcClientWithoutItsServiceSaysSoAndExits(String board) {
        try (TestBoard b = TestBoard.boot(BootRequest.board(board).apps("rot13_client"))) {
            b.runFor(Duration.ofMillis(100));
            assertThat(b.console()).hasLine("No rot13 service");
            assertThat(b.process("rot13_client")).isTerminatedWithCode(1);
        }
    }
}
