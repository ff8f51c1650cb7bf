package org.tock4j.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine and JVM a report was measured on: what a reader needs to compare two reports.
 *
 * @param loadAverage the 1-minute load average when the suite started and when it ended, as Linux reports it
 *     (other work on the machine shows there)
 */
record Machine(String cpuModel, int cores, String memory, String os, String jdk, String loadAverage) {

    /** This machine now; {@code loadAtStart} is what {@link #currentLoad()} said when the suite started. */
    static Machine describe(String loadAtStart) {
        Runtime runtime = Runtime.getRuntime();
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new Machine(readCpuModel(), runtime.availableProcessors(), readMemory(), os, jdk,
                loadAtStart + " at the start, " + currentLoad() + " at the end");
    }

    /** The 1-minute load average, or "unknown" off Linux. */
    static String currentLoad() {
        return firstLine(Path.of("/proc/loadavg")).map(line -> line.split(" ")[0]).orElse("unknown");
    }

    private static String readCpuModel() {
        return procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String readMemory() {
        Optional<String> total = procField(Path.of("/proc/meminfo"), "MemTotal");
        if (total.isEmpty()) {
            return "unknown";
        }
        String[] parts = total.get().trim().split("\\s+");
        try {
            double gib = Long.parseLong(parts[0]) / (1024.0 * 1024.0);
            return String.format(Locale.ROOT, "%.1f GiB", gib);
        } catch (NumberFormatException e) {
            return total.get().trim();
        }
    }

    private static Optional<String> procField(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            // Not Linux: fall back.
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
