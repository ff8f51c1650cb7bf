package org.tock4j.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.tock4j.benchmarks.BootBenchmark;
import org.tock4j.benchmarks.ColdRunBenchmark;
import org.tock4j.benchmarks.ContextSwitchBenchmark;
import org.tock4j.benchmarks.GrantBenchmark;
import org.tock4j.benchmarks.ScaleBenchmark;
import org.tock4j.benchmarks.SyscallBenchmark;
import org.tock4j.benchmarks.UpcallBenchmark;
import org.tock4j.benchmarks.VirtualTimeBenchmark;

/**
 * The whole suite: every benchmark class with its JMH settings, run one after the other through JMH's
 * {@link Runner}, each in a fork of its own.
 *
 * <p>The forks run virtual threads on one carrier ({@code jdk.virtualThreadScheduler.parallelism=1}, as the
 * {@code tock4j} launcher runs a board), and the timed benchmarks run on a virtual JMH worker thread
 * ({@code jmh.executor=VIRTUAL}), so that starting a batch on a board is a virtual-thread handoff too.
 */
final class BenchmarkSuite {
    private final List<SuiteGroup> groups;

    private BenchmarkSuite(List<SuiteGroup> groups) {
        this.groups = groups;
    }

    /** The suite as {@code ./tock4j bench} runs it; {@code quick} cuts iterations for a smoke run. */
    static BenchmarkSuite standard(Path root, boolean quick) {
        List<String> board = List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djmh.executor=VIRTUAL",
                "-Xms1g", "-Xmx1g");
        List<String> fleet = List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Xms2g", "-Xmx2g");
        List<String> launcher = List.of("-Dtock4j.root=" + root.toAbsolutePath().normalize(), "-Xmx256m");
        int warm = quick ? 1 : 5;
        int measure = quick ? 2 : 5;
        int seconds = 1;
        List<SuiteGroup> groups = List.of(
                SuiteGroup.timed("1. System call round trip", SyscallBenchmark.class, warm, measure, seconds, board),
                SuiteGroup.timed("2. Allow + subscribe + command + upcall", UpcallBenchmark.class, warm, measure,
                        seconds, board),
                SuiteGroup.timed("3. Context switch between two processes", ContextSwitchBenchmark.class, warm,
                        measure, seconds, board),
                SuiteGroup.timed("4. Grants", GrantBenchmark.class, warm, measure, seconds, board),
                SuiteGroup.singleShot("5. Virtual-time speed-up (blink)", VirtualTimeBenchmark.class,
                        quick ? 1 : 3, quick ? 2 : 5, board),
                // Boot code runs once per boot: the JIT needs a few hundred boots to compile it.
                SuiteGroup.timed("6. Board boot, warm", BootBenchmark.class, 2 * warm, measure, seconds, board),
                SuiteGroup.singleShot("6. Board boot, cold (`./tock4j run --for 1s`)", ColdRunBenchmark.class, 1,
                        quick ? 2 : 5, launcher),
                SuiteGroup.singleShot("7. Scale: N boards of four processes", ScaleBenchmark.class, 1,
                        quick ? 1 : 3, fleet));
        return new BenchmarkSuite(groups);
    }

    List<SuiteGroup> groups() {
        return groups;
    }

    /** Runs every group, in order; the figures by benchmark name and parameters. */
    Figures run() throws RunnerException {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (SuiteGroup group : groups) {
            System.out.println("tock4j bench: " + group.title() + " (" + group.benchmark().getSimpleName() + ")");
            for (RunResult result : new Runner(options(group)).run()) {
                Figure figure = figure(result);
                figures.put(Figures.key(figure.benchmark(), figure.params()), figure);
            }
        }
        return new Figures(figures);
    }

    private static org.openjdk.jmh.runner.options.Options options(SuiteGroup group) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + group.benchmark().getName().replace(".", "\\.") + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(group.warmups())
                .measurementIterations(group.iterations())
                .jvmArgsAppend(group.jvmArgs().toArray(String[]::new))
                // A benchmark that fails is reported as not measured; the others still run.
                .shouldFailOnError(false);
        if (group.singleShot()) {
            options.warmupBatchSize(1).measurementBatchSize(1);
        } else {
            options.warmupTime(TimeValue.seconds(group.warmupSeconds()))
                    .measurementTime(TimeValue.seconds(group.iterationSeconds()));
        }
        return options.build();
    }

    private static Figure figure(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        StringJoiner params = new StringJoiner(",");
        Collection<String> keys = result.getParams().getParamsKeys();
        for (String key : keys) {
            params.add(key + "=" + result.getParams().getParam(key));
        }
        Result<?> primary = result.getPrimaryResult();
        Map<String, Double> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
            secondary.put(entry.getKey(), secondaryScore(result, entry.getKey()));
        }
        return new Figure(name, params.toString(), primary.getScore(), primary.getScoreError(), median(result),
                primary.getScoreUnit(), secondary);
    }

    private static double median(RunResult result) {
        List<Double> scores = new ArrayList<>();
        result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults()
                .forEach(iteration -> scores.add(iteration.getPrimaryResult().getScore())));
        if (scores.isEmpty()) {
            return result.getPrimaryResult().getScore();
        }
        scores.sort(null);
        int middle = scores.size() / 2;
        return scores.size() % 2 == 1 ? scores.get(middle) : (scores.get(middle - 1) + scores.get(middle)) / 2;
    }

    /**
     * A secondary result as the mean over measured iterations (JMH sums event counters over iterations; the
     * heap counters are the same value each iteration, so the mean is that value).
     */
    private static double secondaryScore(RunResult result, String label) {
        List<Double> perIteration = new ArrayList<>();
        result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults().forEach(iteration -> {
            Result<?> value = iteration.getSecondaryResults().get(label);
            if (value != null) {
                perIteration.add(value.getScore());
            }
        }));
        return perIteration.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
