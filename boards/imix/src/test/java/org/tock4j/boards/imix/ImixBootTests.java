package org.tock4j.boards.imix;

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

/** The imix booted through the kit, with raw-syscall apps from these tests. */
class ImixBootTests {
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
        board = Board.boot(BootRequest.board("imix").app(AppSource.of(() -> app)));
        return board;
    }

    /** The console's text without the process console's prompts (it shares the console UART). */
    private String appOutput() {
        return board.world().uart("console").transmittedText().replace(PROMPT, "");
    }

    @Test
    void anAppPrintsOnTheConsoleWhichIsUsart3() {
        boot(RawSyscallApp.printing("greeter", "Hello from imix\r\n"));

        board.runFor(Duration.ofMillis(100));

        assertThat(board.panic()).isEmpty();
        assertThat(appOutput()).isEqualTo("Hello from imix\r\n");
        assertThat(board.world().uart("console")).isSameAs(board.world().uart("USART3"));
        assertThat(board.world().uart("USART0").transmittedText()).isEmpty();
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
    void theUserLedIsPc10AndLightsWhenHigh() {
        boot(new RawSyscallApp("led", sys -> {
            int count = RawSyscallApp.commandU32(sys, 0x2, 0, 0);
            RawSyscallApp.expectSuccess(sys.command(0x2, 1, 0, 0));
            return "leds=" + count + "\r\n";
        }));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("leds=1\r\n");
        assertThat(board.world().led(0).name()).isEqualTo("USER_LED");
        assertThat(board.world().led(0).isOn()).isTrue();
        assertThat(board.world().pin("PC10").level()).isTrue();
    }

    @Test
    void theUserButtonIsPc24AndReadsPressedWhenPulledLow() {
        boot(new RawSyscallApp("button", sys -> "buttons=" + RawSyscallApp.commandU32(sys, 0x3, 0, 0)
                + " pressed=" + RawSyscallApp.commandU32(sys, 0x3, 3, 0) + "\r\n"));
        board.world().pin("USER_BTN").press();

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("buttons=1 pressed=1\r\n");
        assertThat(board.world().pin("PC24")).isSameAs(board.world().pin("USER_BTN"));
    }

    @Test
    void theUserButtonReadsReleasedThroughTheBoardsPullUp() {
        boot(new RawSyscallApp("button", sys -> "pressed=" + RawSyscallApp.commandU32(sys, 0x3, 3, 0) + "\r\n"));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("pressed=0\r\n");
    }

    @Test
    void gpioZeroIsHeaderPinD2OnPc31AndGpioSixIsD8OnPa20() {
        boot(new RawSyscallApp("gpio", sys -> {
            for (int pin : new int[] {0, 6}) {
                RawSyscallApp.expectSuccess(sys.command(0x4, 1, pin, 0)); // output
                RawSyscallApp.expectSuccess(sys.command(0x4, 2, pin, 0)); // set
            }
            return "gpios=" + RawSyscallApp.commandU32(sys, 0x4, 10, 0) + "\r\n";
        }));

        board.runFor(Duration.ofMillis(100));

        assertThat(appOutput()).isEqualTo("gpios=7\r\n");
        assertThat(board.world().pin("D2").name()).isEqualTo("PC31");
        assertThat(board.world().pin("PC31").level()).isTrue();
        assertThat(board.world().pin("PA20").level()).isTrue();
        assertThat(board.world().pin("PC30").level()).isFalse();
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

        assertThat(appOutput()).as("%s", board.processes())
                .isEqualTo("random=16\r\n");
    }

    @Test
    void theTemperatureCapsuleReadsTheSi7021OnTwim2InHundredthsOfADegree() {
        boot(new RawSyscallApp("temperature", sys -> "temperature=" + RawSyscallApp.readTemperature(sys) + "\r\n"));
        board.world().sensor("temperature").set(23.5);

        board.runFor(Duration.ofMillis(100));

        String output = appOutput();
        assertThat(output).startsWith("temperature=").endsWith("\r\n");
        int hundredths = Integer.parseInt(output.substring("temperature=".length(), output.length() - 2));
        // 14-bit codes are 0.0107 °C apart, and Tock's integer formula truncates.
        assertThat(hundredths).isCloseTo(2350, within(2));
        assertThat(board.world().i2cBus("i2c2").device(0x40)).get().isInstanceOf(Si7021Model.class);
    }

    @Test
    void aReadingWaitsForTheSi7021sConversion() {
        long[] commandAt = {0};
        boot(new RawSyscallApp("temperature", sys -> {
            commandAt[0] = board.world().clock().now();
            return "temperature=" + RawSyscallApp.readTemperature(sys) + "\r\n";
        }));
        board.world().sensor("temperature").set(-12.25);

        board.runFor(Duration.ofMillis(100));

        TransmittedByte first = board.world().uart("console").transmitted().get(0);
        // Tock's driver waits 20 ms of the alarm's declared 16 kHz (19.5 ms of the AST) after the command.
        assertThat(first.timeNs() - commandAt[0]).isGreaterThan(19_000_000L);
        assertThat(appOutput()).matches("temperature=-122[2-6]\r\n");
    }

    @Test
    void theWorldHasTheSensorsAnalogInputsAndBuses() {
        boot(RawSyscallApp.printing("greeter", "x"));

        assertThat(board.world().sensors()).containsKeys("temperature", "humidity", "AD0", "AD5");
        assertThat(board.world().sensor("temperature").unit()).isEqualTo("°C");
        assertThat(board.world().sensor("AD0").name()).isEqualTo("AD1");
        assertThat(board.world().i2cBus("i2c1").name()).isEqualTo("I2C1");
        assertThat(board.world().spiBus("spi").name()).isEqualTo("SPI");
        assertThat(board.world().pin("NPCS3").level()).isTrue();
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
