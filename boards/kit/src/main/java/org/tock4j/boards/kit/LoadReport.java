package org.tock4j.boards.kit;

import java.util.Optional;

/**
 * What became of one binary in app flash at boot: loaded as a process, or skipped with the reason.
 *
 * @param problem empty if the binary became a process
 */
public record LoadReport(int flashStart, String packageName, Optional<String> problem) {

    public boolean loaded() {
        return problem.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("%#010x %s: %s", flashStart, packageName.isEmpty() ? "(no name)" : packageName,
                problem.orElse("loaded"));
    }
}
