package org.tock4j.kernel.core.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prints a campaign's figures (and writes them to {@code target/fuzz-figures/} for the reliability report). */
public final class FuzzFigures {
    private FuzzFigures() {}

    public static String format(String campaign, long syscalls, int processes, int lives, int violations,
            Map<ErrorPath, Long> paths, long wallMs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %,d syscalls, %d processes (%d lives), %d invariant violations, %.1f s%n",
                campaign, syscalls, processes, lives, violations, wallMs / 1000.0));
        out.append(String.format("  %-36s %-14s %12s%n", "error path", "TRD104", "count"));
        for (ErrorPath p : ErrorPath.values()) {
            out.append(String.format("  %-36s %-14s %,12d%n", p, p.section(), paths.getOrDefault(p, 0L)));
        }
        return out.toString();
    }

    public static void print(String campaign, long syscalls, int processes, int lives, int violations,
            Map<ErrorPath, Long> paths, long wallMs) {
        String text = format(campaign, syscalls, processes, lives, violations, paths, wallMs);
        System.out.print(text);
        try {
            Path dir = Path.of("target", "fuzz-figures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(campaign.replace(' ', '-') + ".txt"), text);
        } catch (IOException e) {
            System.out.println("(figures not written: " + e + ")");
        }
    }
}
