package org.tock4j.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the benchmark suite and writes {@code docs/performance-report.md}: every figure, each target of the
 * performance issue met or missed (by how much and why), the machine, the JDK and the JMH settings.
 *
 * <pre>
 *   ./tock4j bench [--quick] [--out FILE]
 *   java -cp benchmarks/target/classes:$(cat benchmarks/target/bench.classpath) \
 *        org.tock4j.benchmarks.report.PerformanceReport --root . [--quick] [--out FILE]
 * </pre>
 */
public final class PerformanceReport {
    private PerformanceReport() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Path root = Path.of(".");
        Path out = null;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--quick" -> quick = true;
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        if (out == null) {
            out = root.resolve("docs").resolve("performance-report.md");
        }
        String loadAtStart = Machine.currentLoad();
        long started = System.nanoTime();
        BenchmarkSuite suite = BenchmarkSuite.standard(root, quick);
        Figures figures = suite.run();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<Verdict> verdicts = Targets.check(figures);
        MarkdownReport report = new MarkdownReport(figures, verdicts, suite.groups(), Machine.describe(loadAtStart),
                elapsed, ZonedDateTime.now());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.render(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report.summaryTable());
        System.out.println("tock4j bench: wrote " + out + " (" + elapsed.toMinutes() + " min "
                + elapsed.toSecondsPart() + " s)");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("tock4j bench: " + problem);
        System.err.println("usage: ./tock4j bench [--quick] [--out FILE]");
        System.exit(2);
    }
}
