package org.tock4j.boards.hail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tock4j.boards.kit.AppSource;
import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.chips.emulator.devices.Si7021Model;
import org.tock4j.chips.emulator.world.TransmittedByte;

/** The Hail booted through the kit, with raw-syscall apps from these tests. */
class HailBootTests {
    /** What the process console prints when it is ready for a command. */
    private static final String PROMPT = "tock$ ";

    private Board board;

    @AfterEach
    void close() {
        if (board != null) {
            board.close();
        }
    }

    private Board boot(RawSyscallApp app) {
        board = Board.boot(BootRequest.board("hail").app(AppSource.of(() -> app)));
        return board;
    }

    /** The console's text without the process console's prompts (it shares the console UART). */
    private String appOutput() {
        return board.world().uart("console").transmittedText().replace(PROMPT, "");
    }

    @Test
    void anAppPrintsOnTheConsoleWhichIsUsart0() {
        boot(RawSyscallApp.printing("greeter", "Hello from Hail\r\n"));

        board.runFor(Duration.ofMillis(100));

        assertThat(board.panic()).isEmpty();
        assertThat(appOutput()).isEqualTo("Hello from Hail\r\n");
        assertThat(board.world().uart("console")).isSameAs(board.world().uart("USART0"));
        assertThat(board.world().uart("USART3").transmittedText()).isEmpty();
    }

    @Test
    void consoleBytesLeaveAt115200BaudFromThe48MHzSystemClock() {
        boot(RawSyscallApp.printing("greeter", "0123456789"));

        board.runFor(Duration.ofMillis(50)); // before the process console's prompt

        List<TransmittedByte> bytes = board.world().uart("console").transmitted();
        assertThat(bytes).hasSize(10);
        double byteTimeNs = 10 * 1e9 / 115_200; // 8N1: ten bit times
        for (int i = 1; i < bytes.size(); i++) {
            assertThat((double) (bytes.get(i).timeNs() - bytes.get(i - 1).timeNs()))
                    .isCloseTo(byteTimeNs, within(byteTimeNs / 100));
        }
    }

    @Test
    void theLedsAreRedGreenBlueOnPa13Pa15Pa14AndLightWhenLow() {
        boot(new RawSyscallApp("led", sys -> {
            int count = RawSyscallApp.commandU32(sys, 0x2, 0, 0);
            RawSyscallApp.expectSuccess(sys.command(0x2, 1, 1, 0)); // green on
            return "leds=" + count + "\r\n";
        }));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("leds=3\r\n");
        assertThat(board.world().leds()).extracting(led -> led.name() + "=" + led.wire().name())
                .containsExactly("RED_LED=PA13", "GREEN_LED=PA15", "BLUE_LED=PA14");
        assertThat(board.world().leds()).extracting(led -> led.isOn()).containsExactly(false, true, false);
        assertThat(board.world().pin("PA15").level()).isFalse();
        assertThat(board.world().pin("PA13").level()).isTrue();
    }

    @Test
    void theUserButtonIsPa16AndReadsPressedWhenPulledLow() {
        boot(new RawSyscallApp("button", sys -> "buttons=" + RawSyscallApp.commandU32(sys, 0x3, 0, 0)
                + " pressed=" + RawSyscallApp.commandU32(sys, 0x3, 3, 0) + "\r\n"));
        board.world().pin("BUTTON").press();

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("buttons=1 pressed=1\r\n");
        assertThat(board.world().pin("PA16")).isSameAs(board.world().pin("BUTTON"));
    }

    @Test
    void theUserButtonReadsReleasedThroughTheBoardsPullUp() {
        boot(new RawSyscallApp("button", sys -> "pressed=" + RawSyscallApp.commandU32(sys, 0x3, 3, 0) + "\r\n"));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("pressed=0\r\n");
    }

    @Test
    void gpioZeroIsHeaderPinD0OnPb14AndGpioThreeIsD7OnPb12() {
        boot(new RawSyscallApp("gpio", sys -> {
            for (int pin : new int[] {0, 3}) {
                RawSyscallApp.expectSuccess(sys.command(0x4, 1, pin, 0)); // output
                RawSyscallApp.expectSuccess(sys.command(0x4, 2, pin, 0)); // set
            }
            return "gpios=" + RawSyscallApp.commandU32(sys, 0x4, 10, 0) + "\r\n";
        }));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("gpios=4\r\n");
        assertThat(board.world().pin("D0").name()).isEqualTo("PB14");
        assertThat(board.world().pin("D7").name()).isEqualTo("PB12");
        assertThat(board.world().pin("PB14").level()).isTrue();
        assertThat(board.world().pin("PB12").level()).isTrue();
        assertThat(board.world().pin("PB15").level()).isFalse();
    }

    @Test
    void theAlarmRunsOnTheAstAtTocksDeclared16kHz() {
        boot(new RawSyscallApp("alarm", sys -> {
            int frequency = RawSyscallApp.commandU32(sys, 0x0, 1, 0);
            RawSyscallApp.sleepTicks(sys, 1600);
            return "frequency=" + frequency + "\r\n";
        }));

        board.runFor(Duration.ofMillis(300));

        assertThat(appOutput()).isEqualTo("frequency=16000\r\n");
        // 1600 ticks of the AST's real 16384 Hz count: 97.7 ms, not the 100 ms Tock's 16 kHz promises.
        TransmittedByte first = board.world().uart("console").transmitted().stream()
                .filter(b -> b.value() == 'f').findFirst().orElseThrow();
        assertThat(first.timeNs()).isBetween(97_000_000L, 99_000_000L);
    }

    @Test
    void theRngDeliversRandomBytesFromTheTrng() {
        boot(new RawSyscallApp("rng", sys -> "random=" + RawSyscallApp.randomBytes(sys, 16) + "\r\n"));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("random=16\r\n");
    }

    @Test
    void theTemperatureCapsuleReadsTheSi7021OnTwim1InHundredthsOfADegree() {
        boot(new RawSyscallApp("temperature", sys -> "temperature=" + RawSyscallApp.readTemperature(sys) + "\r\n"));
        board.world().sensor("temperature").set(23.5);

        board.runFor(Duration.ofMillis(100));

        String output = appOutput();
        assertThat(output).startsWith("temperature=").endsWith("\r\n");
        int hundredths = Integer.parseInt(output.substring("temperature=".length(), output.length() - 2));
        // 14-bit codes are 0.0107 °C apart, and Tock's integer formula truncates.
        assertThat(hundredths).isCloseTo(2350, within(2));
        assertThat(board.world().i2cBus("i2c1").device(0x40)).get().isInstanceOf(Si7021Model.class);
    }

    @Test
    void theWorldHasTheSensorsAnalogInputsAndBuses() {
        boot(RawSyscallApp.printing("greeter", "x"));

        assertThat(board.world().sensors()).containsKeys("temperature", "humidity", "A0", "A5");
        assertThat(board.world().sensor("humidity").unit()).isEqualTo("%RH");
        assertThat(board.world().sensor("A2").name()).isEqualTo("AD3");
        assertThat(board.world().spiBus("spi").name()).isEqualTo("SPI");
        assertThat(board.world().pin("NPCS0").level()).isTrue();
    }

    @Test
    void theProcessConsolePromptsOnTheConsoleUartAndListsTheProcesses() {
        boot(RawSyscallApp.printing("greeter", "hi\r\n"));

        board.runFor(Duration.ofMillis(200));
        var console = board.world().uart("console");
        assertThat(console.transmittedText()).isEqualTo("hi\r\n" + PROMPT);

        console.feed("list\r\n");
        board.runFor(Duration.ofMillis(100));

        assertThat(console.transmittedText()).contains(" PID", "greeter").endsWith(PROMPT);
    }

    @Test
    void ipcAndTheProcessConsoleHaveTheirDriverNumbers() {
        boot(new RawSyscallApp("probe", sys -> "ipc=" + sys.command(0x10000, 0, 0, 0).isSuccess()
                + " console=" + sys.command(0x1FFFF, 0, 0, 0).isSuccess() + "\r\n"));

        board.runFor(Duration.ofMillis(50));

        assertThat(appOutput()).isEqualTo("ipc=true console=true\r\n");
    }
}
