package org.tock4j.boards.kit.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;

import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.LedWire;
import org.tock4j.chips.emulator.world.TransmittedByte;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * Streams what a running board does to a terminal or a pipe: console lines and LED changes, each with its
 * virtual timestamp.
 *
 * <pre>
 *   [    0.000512] Hello World!
 *   [    0.250034] LED1 on
 * </pre>
 */
final class RunOutput {
    private final PrintStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RunOutput(PrintStream out) {
        this.out = out;
    }

    void attach(BoardWorld world) {
        UartLink console = world.uarts().get("console");
        if (console != null) {
            console.addTransmitListener(this::consoleByte);
        }
        for (LedWire led : world.leds()) {
            led.wire().addListener((wire, edge) ->
                    out.printf("%s %s %s%n", stamp(edge.timeNs()), led.name(), led.litAt(edge.level()) ? "on" : "off"));
        }
    }

    private void consoleByte(TransmittedByte b) {
        if (b.value() == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            out.printf("%s %s%n", stamp(b.timeNs()), text);
            line.reset();
        } else {
            line.write(b.value());
        }
    }

    /** Prints a console line that never ended. */
    void flush(long nowNs) {
        if (line.size() > 0) {
            out.printf("%s %s%n", stamp(nowNs), line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        out.flush();
    }

    static String stamp(long ns) {
        return String.format("[%6d.%06d]", ns / 1_000_000_000L, (ns / 1000) % 1_000_000);
    }
}
