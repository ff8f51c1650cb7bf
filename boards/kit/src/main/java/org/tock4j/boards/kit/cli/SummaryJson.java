package org.tock4j.boards.kit.cli;

import java.util.StringJoiner;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.ProcessInfo;

/**
 * The run summary as JSON: {@code {"board":…, "virtualTimeNs":…, "processes":[{"name":…, "state":…,
 * "completionCode":…|null, "restarts":…}], "panic":null|"…"}}.
 */
final class SummaryJson {
    private SummaryJson() {}

    static String of(Board board) {
        StringJoiner processes = new StringJoiner(", ", "[", "]");
        for (ProcessInfo p : board.processes()) {
            processes.add(String.format("{\"name\": %s, \"state\": %s, \"completionCode\": %s, \"restarts\": %d}",
                    quote(p.name()), quote(p.state()), p.completionCode().map(String::valueOf).orElse("null"),
                    p.restarts()));
        }
        return String.format("{\"board\": %s, \"virtualTimeNs\": %d, \"processes\": %s, \"panic\": %s}%n",
                quote(board.name()), board.nowNs(), processes, board.panic().map(SummaryJson::quote).orElse("null"));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
