package org.tock4j.boards.kit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.tock4j.boards.kit.Board;
import org.tock4j.boards.kit.BootRequest;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.ProcessInfo;

/** {@code ./tock4j run}: boots a board and runs it on virtual time, printing what it does. */
@Command(name = "run", description = "Boot a board with apps and run it.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Option(names = "--board", paramLabel = "NAME", description = "Board to boot (default: ${DEFAULT-VALUE}).")
    String board = "nrf52840dk";

    @Option(names = "--board-file", paramLabel = "FILE", description = "Boot the board a board file describes "
            + "(YAML; see the README) instead of --board.")
    Path boardFile;

    @Option(names = "--app", paramLabel = "NAME", description = "App to run; repeat for several. Replaces the "
            + "board's default apps.")
    List<String> apps = new ArrayList<>();

    @Option(names = "--app-jar", paramLabel = "PATH", description = "Jar with more apps; repeatable.")
    List<Path> appJars = new ArrayList<>();

    @Option(names = "--capsule-jar", paramLabel = "PATH", description = "Jar with capsule components (a "
            + "third-party capsule) that a board file can name; repeatable.")
    List<Path> capsuleJars = new ArrayList<>();

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationParser.class,
            description = "Virtual time to run: 250ms, 10s, 5m, 1h (default 10s; with --realtime: until Ctrl-C).")
    Duration duration;

    @Option(names = "--realtime", description = "Pace virtual time to the wall clock.")
    boolean realtime;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write a JSON summary of the run.")
    Path summaryJson;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the board's randomness (default 0).")
    long seed;

    @Option(names = "--trace-syscalls", description = "Print every system call as Tock's trace_syscalls does.")
    boolean traceSyscalls;

    @Option(names = "--fault-policy", paramLabel = "POLICY", description = "panic, stop or restart.")
    String faultPolicy;

    @Option(names = "--memory-map", description = "After the run, print each process's memory: grant pointer "
            + "table, grants, saved upcalls and allows.")
    boolean memoryMap;

    @Override
    public Integer call() throws IOException {
        BootRequest request = (boardFile != null ? BootRequest.boardFile(boardFile) : BootRequest.board(board))
                .apps(apps).seed(seed).realtime(realtime).traceSyscalls(traceSyscalls);
        if (traceSyscalls) {
            // The whole trace, straight to the terminal; Tock's 2 KiB debug buffer on the UART would drop most.
            request.debug(System.out::println);
        }
        appJars.forEach(request::appJar);
        capsuleJars.forEach(request::capsuleJar);
        if (faultPolicy != null) {
            request.faultPolicy(FaultPolicyChoice.fromCliName(faultPolicy));
        }
        Duration runFor = duration != null ? duration : realtime ? Duration.ofNanos(Long.MAX_VALUE)
                : Duration.ofSeconds(10);

        long wallStart = System.nanoTime();
        try (Board b = Board.boot(request)) {
            boolean terminal = Terminal.isInteractive();
            RunOutput output = new RunOutput(System.out, terminal);
            output.attach(b);
            if (realtime) {
                Keyboard.feed(System.in, b.world().uarts().get("console"));
            }
            java.util.concurrent.CountDownLatch summarised = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                // Ctrl-C: stop the board at its next loop iteration and let the summary print.
                b.requestStop();
                try {
                    summarised.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            Progress progress = new Progress(System.err, wallStart, !realtime);
            long end = saturatedAdd(b.nowNs(), runFor.toNanos());
            while (b.nowNs() < end && b.panic().isEmpty() && !b.stopRequested()) {
                b.runFor(java.time.Duration.ofNanos(Math.min(SLICE_NS, end - b.nowNs())));
                output.tick();
                progress.report(b.nowNs());
            }
            progress.done();
            output.finish(b.nowNs());
            long wall = System.nanoTime() - wallStart;
            b.panic().ifPresent(report -> System.out.print(report));
            printSummary(b, wall);
            if (memoryMap) {
                b.memoryDumps().forEach(dump -> System.out.print(dump.render()));
            }
            if (summaryJson != null) {
                Files.writeString(summaryJson, SummaryJson.of(b));
            }
            summarised.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is shutting down; the hook waited for the summary above.
            }
            return b.panic().isPresent() ? 1 : 0;
        }
    }

    /** Virtual time between status updates and progress checks. */
    private static final long SLICE_NS = 100_000_000L;

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static void printSummary(Board b, long wallNs) {
        double virtualS = b.nowNs() / 1e9;
        double wallS = wallNs / 1e9;
        System.out.printf("--- %s after %.6f s of virtual time (%.2f s wall, %s real time) ---%n", b.name(),
                virtualS, wallS, Progress.speedUp(virtualS, wallS));
        for (ProcessInfo p : b.processes()) {
            System.out.printf("  %-12s %-11s restarts %d  completion %s  syscalls %d%s%n", p.name(), p.state(),
                    p.restarts(), p.completionCode().map(String::valueOf).orElse("-"), p.syscallCount(),
                    p.fault().map(f -> "  fault: " + f).orElse(""));
        }
        if (b.panic().isPresent()) {
            System.out.println("  kernel panicked");
        }
    }
}
