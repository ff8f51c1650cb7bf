package org.tock4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.tock4j.chips.emulator.world.TransmittedByte;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * A UART of the board under test: what the chip transmitted, and a way to type into it or send it a line
 * error.
 *
 * <pre>{@code
 * board.console().writeLine("help");
 * board.console().waitForLine("tock$ ", Duration.ofSeconds(1));
 * board.uart("console").sendFramingError();
 * }</pre>
 *
 * <p>Tock counterpart: none; the terminal on the serial cable.
 */
public final class UartView {
    /** The process console's prompt (Tock's {@code capsules/core/src/process_console.rs}). */
    public static final String PROCESS_CONSOLE_PROMPT = "tock$ ";

    private final UartLink link;
    private final TestBoard board;

    UartView(UartLink link, TestBoard board) {
        this.link = link;
        this.board = board;
    }

    /** Everything transmitted so far, as text. */
    public String text() {
        return link.transmittedText();
    }

    /** Everything transmitted so far, as bytes. */
    public byte[] bytes() {
        return link.transmittedBytes();
    }

    /** The complete lines transmitted so far, without their line endings. */
    public List<String> lines() {
        String text = new String(link.transmittedBytes(), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return Arrays.stream(text.substring(0, end).split("\n", -1)).map(l -> l.endsWith("\r")
                ? l.substring(0, l.length() - 1) : l).toList();
    }

    /**
     * {@link #lines()} with the process console's prompt taken off wherever it begins a line: on boards with a
     * process console the prompt shares the UART with the apps' output and lands in front of whatever line
     * follows it ({@code "tock$ 2"}).
     */
    public List<String> linesWithoutPrompt() {
        return lines().stream().map(UartView::withoutPrompt).toList();
    }

    private static String withoutPrompt(String line) {
        String rest = line;
        while (rest.startsWith(PROCESS_CONSOLE_PROMPT)) {
            rest = rest.substring(PROCESS_CONSOLE_PROMPT.length());
        }
        return rest;
    }

    /** Each transmitted byte with the virtual time its last bit ended. */
    public List<TransmittedByte> transmitted() {
        return link.transmitted();
    }

    /** Feeds {@code text} into the UART's receive side. */
    public UartView type(String text) {
        link.feed(text);
        return this;
    }

    /**
     * Sends one frame with a framing error (its stop bit 0, as a break or a sender at another baud rate
     * produces), after anything already typed. What the board makes of it is its chip's: the SAM4L USART sets
     * CSR.FRAME and Tock's driver aborts the reception in progress with {@code FramingError} (a console read
     * fails with {@code FAIL}); the nRF52840 UARTE sets ERRORSRC.FRAMING and drops the byte, and Tock's driver,
     * which enables no ERROR interrupt, goes on receiving the next bytes.
     */
    public UartView sendFramingError() {
        link.feedFramingError();
        return this;
    }

    /** Types {@code line} followed by a carriage return, as a terminal sends Enter. */
    public UartView writeLine(String line) {
        return type(line + "\r");
    }

    /**
     * Runs the board until a complete line equal to {@code line} has been transmitted, failing with a report if
     * {@code timeout} of virtual time passes first (Renode's {@code Wait For Line On Uart}).
     */
    public UartView waitForLine(String line, java.time.Duration timeout) {
        int already = (int) lines().stream().filter(line::equals).count();
        board.runUntil(() -> lines().stream().filter(line::equals).count() > already, timeout);
        return this;
    }

    /** Runs the board until {@code text} appears in the output, failing with a report after {@code timeout}. */
    public UartView waitForText(String text, java.time.Duration timeout) {
        board.runUntil(() -> text().contains(text), timeout);
        return this;
    }
}
