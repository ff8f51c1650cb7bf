package org.tock4j.boards.kit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.LedWire;
import org.tock4j.boards.kit.ProcessInfo;
import org.tock4j.chips.emulator.world.TransmittedByte;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * Streams what a running board does: console lines as they complete, LED changes and process events (a fault, an
 * exit, a restart). Piped, every event is a line with its virtual timestamp; in a terminal, LEDs and process
 * states are also shown in one status line kept at the bottom.
 *
 * <pre>
 *   [     0.001237] Hello World!
 *   [     0.250033] LED1 on
 *   [     1.004000] process exiter: Yielded -> Terminated (completion code 3)
 *   ── 2.500000 s  LED1 ● LED2 ○ LED3 ○ LED4 ○  hello Yielded  blink YieldedFor ──      (terminal only)
 * </pre>
 */
final class RunOutput {
    private final PrintStream out;
    private final boolean terminal;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<Integer, String> lastStates = new HashMap<>();
    private Board board;
    private boolean statusShown;

    RunOutput(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void attach(Board board) {
        this.board = board;
        BoardWorld world = board.world();
        UartLink console = world.uarts().get("console");
        if (console != null) {
            console.addTransmitListener(this::consoleByte);
        }
        for (LedWire led : world.leds()) {
            led.wire().addListener((wire, edge) -> event(edge.timeNs(),
                    led.name() + " " + (led.litAt(edge.level()) ? "on" : "off")));
        }
        board.processes().forEach(p -> lastStates.put(p.slot(), describe(p)));
    }

    private void consoleByte(TransmittedByte b) {
        if (b.value() == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            event(b.timeNs(), text);
            line.reset();
        } else {
            line.write(b.value());
        }
    }

    private void event(long timeNs, String text) {
        clearStatus();
        out.printf("%s %s%n", stamp(timeNs), text);
    }

    /** Reports process state changes since the last call, and refreshes the status line. */
    void tick() {
        for (ProcessInfo p : board.processes()) {
            String now = describe(p);
            String before = lastStates.put(p.slot(), now);
            if (before != null && !before.equals(now)) {
                event(board.nowNs(), "process " + p.name() + ": " + before + " -> " + now);
            }
        }
        if (terminal) {
            StringBuilder status = new StringBuilder(String.format("── %.6f s ", board.nowNs() / 1e9));
            for (LedWire led : board.world().leds()) {
                status.append(' ').append(led.name()).append(led.isOn() ? " ●" : " ○");
            }
            status.append(' ');
            for (ProcessInfo p : board.processes()) {
                status.append(' ').append(p.name()).append(' ').append(p.state());
            }
            out.print("\r\u001B[K" + status + " ──");
            out.flush();
            statusShown = true;
        }
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\u001B[K");
            statusShown = false;
        }
    }

    private static String describe(ProcessInfo p) {
        String state = p.state();
        if (p.completionCode().isPresent() && state.equals("Terminated")) {
            state += " (completion code " + p.completionCode().get() + ")";
        }
        if (p.restarts() > 0) {
            state += " after " + p.restarts() + " restart" + (p.restarts() == 1 ? "" : "s");
        }
        return state;
    }

    /** Prints a console line that never ended and clears the status line. */
    void finish(long nowNs) {
        tick();
        clearStatus();
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
