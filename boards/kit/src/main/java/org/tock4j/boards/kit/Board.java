package org.tock4j.boards.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.tock4j.boards.kit.internal.BoardResources;
import org.tock4j.boards.kit.internal.SyscallRecorder;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.process.ProcessPrinter;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.Process;

/**
 * A booted board: its kernel, chip and processes, run on virtual time.
 *
 * <pre>{@code
 * try (Board board = Board.boot(BootRequest.board("nrf52840dk").apps("hello"))) {
 *     board.runFor(Duration.ofSeconds(1));
 *     board.world().uart("console").transmittedText();   // "Hello World!\r\n"
 * }
 * }</pre>
 *
 * <p>Running is deterministic: the same board, apps, inputs and seed give the same run, event for event. The
 * kernel loop runs on a virtual thread; processes run on virtual threads that take turns with it.
 *
 * <p>Tock counterpart: a board's {@code main()} after setup: {@code board_kernel.kernel_loop(...)}.
 */
public final class Board implements AutoCloseable {
    private final BoardPlan plan;
    private final BoardSettings settings;
    private final Chip chip;
    private final VirtualClock clock;
    private final Kernel kernel;
    private final BoardResources resources;
    private final BoardWorld world;
    private final List<LoadReport> loadReports;
    private final Map<Integer, JvmProcessRuntime> runtimes;
    private final SyscallRecorder recorder;
    private String panicReport;
    private boolean closed;
    private volatile boolean stopRequested;

    Board(BoardPlan plan, BoardSettings settings, Chip chip, VirtualClock clock, Kernel kernel, BoardResources resources, BoardWorld world,
            List<ProcessLoader.Outcome> loadOutcomes, Map<Integer, JvmProcessRuntime> runtimes,
            SyscallRecorder recorder) {
        this.plan = plan;
        this.settings = settings;
        this.chip = chip;
        this.clock = clock;
        this.kernel = kernel;
        this.resources = resources;
        this.world = world;
        this.loadReports = loadOutcomes.stream().map(Board::report).toList();
        this.runtimes = Map.copyOf(runtimes);
        this.recorder = recorder;
    }

    /** Boots a board: builds it, creates its capsules and grants, loads its apps. */
    public static Board boot(BootRequest request) {
        return BoardBooter.boot(request);
    }

    public BoardPlan plan() {
        return plan;
    }

    public String name() {
        return plan.boardName();
    }

    /** The seed of the board's randomness and its pacing. */
    public BoardSettings settings() {
        return settings;
    }

    public BoardWorld world() {
        return world;
    }

    /** Virtual nanoseconds since reset. */
    public long nowNs() {
        return clock.now();
    }

    /** Runs the kernel loop until {@code duration} of virtual time has passed (or the kernel panicked). */
    public void runFor(Duration duration) {
        long horizon = saturatedAdd(clock.now(), duration.toNanos());
        run(horizon, () -> false);
    }

    /**
     * Runs until {@code condition} holds (checked after every kernel loop iteration) or {@code timeout} of virtual
     * time passes; returns whether the condition held.
     */
    public boolean runUntil(BooleanSupplier condition, Duration timeout) {
        if (condition.getAsBoolean()) {
            return true;
        }
        long horizon = saturatedAdd(clock.now(), timeout.toNanos());
        run(horizon, condition);
        return condition.getAsBoolean();
    }

    /** One iteration of the kernel loop. */
    public void step() {
        runIterations(clock.now() + 1, () -> false, 1);
    }

    /**
     * Asks a run in progress (on another thread) to stop at the next loop iteration; the board then stays stopped
     * (later runs return at once), as after Ctrl-C.
     */
    public void requestStop() {
        stopRequested = true;
        clock.wakeUp();
    }

    /** Whether {@link #requestStop()} was called since the last run started. */
    public boolean stopRequested() {
        return stopRequested;
    }

    private void run(long horizon, BooleanSupplier stop) {
        runIterations(horizon, stop, Long.MAX_VALUE);
    }

    private void runIterations(long horizon, BooleanSupplier stop, long maxIterations) {
        if (closed) {
            throw new IllegalStateException("board " + name() + " was closed");
        }
        if (panicReport != null) {
            return;
        }
        clock.setHorizon(horizon);
        Throwable[] failure = new Throwable[1];
        Thread loop = Thread.ofVirtual().name(name() + "-kernel").start(() -> {
            kernel.cpu().claim();
            try {
                long iterations = 0;
                while (clock.now() < horizon && iterations < maxIterations && !stopRequested
                        && !stop.getAsBoolean()) {
                    kernel.kernelLoopOperation(resources, chip, false, Capability.mainLoop());
                    iterations++;
                }
            } catch (KernelPanic panic) {
                panicReport = panicReport(panic);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        try {
            loop.join();
        } catch (InterruptedException e) {
            requestStop();
            Thread.currentThread().interrupt();
            try {
                loop.join();
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] != null) {
            panicReport = panicReport(new KernelPanic("the kernel loop failed: " + failure[0], failure[0]));
        }
    }

    /** The panic report if the kernel panicked (the board is then halted). */
    public Optional<String> panic() {
        return Optional.ofNullable(panicReport);
    }

    /** The processes in their slots. */
    public List<ProcessInfo> processes() {
        List<ProcessInfo> infos = new ArrayList<>();
        List<Process> list = kernel.processEachCapability(Capability.processManagement());
        for (int slot = 0; slot < list.size(); slot++) {
            infos.add(info(list.get(slot), slot));
        }
        return infos;
    }

    private ProcessInfo info(Process p, int slot) {
        var addresses = p.getAddresses();
        Optional<Long> completion = p.getCompletionCode().flatMap(cc -> cc.map(Integer::toUnsignedLong));
        Optional<String> fault = Optional.ofNullable(runtimes.get(addresses.flashStart()))
                .flatMap(JvmProcessRuntime::lastFault).map(f -> f.reason());
        return new ProcessInfo(p.getProcessName(), slot, p.processid().id(), p.getState().tockName(), completion,
                p.getRestartCount(), p.debugSyscallCount(), p.debugDroppedUpcallCount(), addresses.sramStart(),
                addresses.sramEnd() - addresses.sramStart(), addresses.sramAppBrk(), addresses.sramGrantStart(),
                p.grantAllocatedCount().orElse(0), fault);
    }

    /**
     * Every system call, upcall and Yield-WaitFor completion of every process, with virtual timestamps, if the
     * boot request asked for the trace ({@link BootRequest#recordSyscalls(boolean)}); empty otherwise.
     */
    public List<SyscallRecord> syscalls() {
        return recorder.records();
    }

    /** What happened to each binary in app flash at boot. */
    public List<LoadReport> loadReports() {
        return loadReports;
    }

    private static LoadReport report(ProcessLoader.Outcome outcome) {
        return switch (outcome) {
            case ProcessLoader.Outcome.Loaded l -> new LoadReport(l.flashStart(), l.process().getProcessName(),
                    Optional.empty());
            case ProcessLoader.Outcome.Skipped s -> new LoadReport(s.flashStart(), "",
                    Optional.of("skipped: " + s.error()));
            case ProcessLoader.Outcome.NotLoaded n -> new LoadReport(n.flashStart(), n.packageName(),
                    Optional.of(n.error().name() + ": " + n.error().description()));
        };
    }

    /** The kernel, for board-level tools (memory dumps, the process console). */
    public Kernel kernel() {
        return kernel;
    }

    public Chip chip() {
        return chip;
    }

    /** Each process's memory read back from RAM: grant pointer table, grants, saved upcalls and allows. */
    public List<ProcessMemoryDump> memoryDumps() {
        return kernel.processEachCapability(Capability.processManagement()).stream()
                .map(p -> ProcessMemoryDump.of(p, chip.memory(), kernel.getGrantCountAndFinalize())).toList();
    }

    /** Every process printed as Tock's process console {@code process} command prints it. */
    public String printProcesses() {
        StringBuilder out = new StringBuilder();
        for (Process p : kernel.processEachCapability(Capability.processManagement())) {
            out.append(ProcessPrinter.printOverview(p));
        }
        return out.toString();
    }

    private String panicReport(KernelPanic panic) {
        StringBuilder out = new StringBuilder();
        out.append("panicked at '").append(panic.getMessage()).append("'\r\n");
        out.append("\tKernel version tock4j ").append(Board.class.getPackage().getImplementationVersion() == null
                ? "0.1.0" : Board.class.getPackage().getImplementationVersion()).append("\r\n\r\n");
        out.append(chip.printState());
        out.append("\r\n---| App Status |---\r\n");
        for (Process p : kernel.processEachCapability(Capability.processManagement())) {
            out.append(p.printFullProcess()).append("\r\n");
        }
        return out.toString();
    }

    /** Ends every process thread; the board cannot run afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread shutdown = Thread.ofVirtual().start(() -> {
            kernel.cpu().claim();
            for (JvmProcessRuntime runtime : runtimes.values()) {
                runtime.shutdown();
            }
        });
        try {
            shutdown.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
