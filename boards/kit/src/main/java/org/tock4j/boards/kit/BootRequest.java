package org.tock4j.boards.kit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.inject.Module;

import org.tock4j.kernel.core.KernelConfig;

/**
 * What to boot: a board (by name or by its Guice modules), the apps to run on it, and the run's settings.
 *
 * <pre>{@code
 * Board board = Board.boot(BootRequest.board("nrf52840dk").apps("hello", "blink").seed(42));
 * Board custom = Board.boot(BootRequest.boardFile(Path.of("examples/boards/beeper-nrf52840.yaml"))
 *         .capsuleJar(Path.of("beeper.jar")).appJar(Path.of("beep.jar")));
 * }</pre>
 *
 * <p>Without apps the board's default apps run.
 */
public final class BootRequest {
    private final String boardName;
    private Path boardFile;
    private boolean recordSyscalls;
    private Duration spinWatchdog = KernelConfig.DEFAULT_SPIN_WATCHDOG;
    private final List<Module> modules;
    private final List<String> appNames = new ArrayList<>();
    private final List<AppSource> appSources = new ArrayList<>();
    private final List<Path> appJars = new ArrayList<>();
    private final List<Path> capsuleJars = new ArrayList<>();
    private long seed;
    private boolean realtime;
    private boolean traceSyscalls;
    private FaultPolicyChoice faultPolicy;
    private Consumer<String> debug;

    private BootRequest(String boardName, List<Module> modules) {
        this.boardName = boardName;
        this.modules = List.copyOf(modules);
    }

    /** The board discovery finds under {@code name}. */
    public static BootRequest board(String name) {
        return new BootRequest(name, List.of());
    }

    /** The board a board file describes (see the README's board file schema). */
    public static BootRequest boardFile(Path file) {
        BootRequest request = new BootRequest(file.getFileName().toString(), List.of());
        request.boardFile = file;
        return request;
    }

    /** A board given by its Guice modules (a custom board, or a base board's module plus overrides). */
    public static BootRequest modules(String name, Module... modules) {
        return new BootRequest(name, List.of(modules));
    }

    /** Apps by name, in order; replaces the board's default apps. */
    public BootRequest apps(String... names) {
        appNames.addAll(List.of(names));
        return this;
    }

    public BootRequest apps(List<String> names) {
        appNames.addAll(names);
        return this;
    }

    /** An app given directly, after any named ones. */
    public BootRequest app(AppSource source) {
        appSources.add(source);
        return this;
    }

    /** Jars to find apps in; their apps run after the named ones. */
    public BootRequest appJar(Path jar) {
        appJars.add(jar);
        return this;
    }

    /**
     * A jar with third-party capsule components ({@code CapsuleComponent} providers, declared with
     * {@code provides} in its {@code module-info.java} or in {@code META-INF/services}); a board file or a
     * board's plan enables them by name. Repeatable.
     */
    public BootRequest capsuleJar(Path jar) {
        capsuleJars.add(jar);
        return this;
    }

    public BootRequest seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Pace virtual time to the wall clock. */
    public BootRequest realtime(boolean realtime) {
        this.realtime = realtime;
        return this;
    }

    /** Print every system call (Tock's {@code trace_syscalls}) to the debug sink. */
    public BootRequest traceSyscalls(boolean trace) {
        this.traceSyscalls = trace;
        return this;
    }

    /** Overrides the board's fault policy. */
    public BootRequest faultPolicy(FaultPolicyChoice policy) {
        this.faultPolicy = policy;
        return this;
    }

    /** Keep the structured system call trace ({@link Board#syscalls()}). */
    public BootRequest recordSyscalls(boolean record) {
        this.recordSyscalls = record;
        return this;
    }

    public boolean recordSyscalls() {
        return recordSyscalls;
    }

    /**
     * How much wall time an app's code may run without a preemption point (a system call, a memory access,
     * {@code busy}) before it is faulted as spinning (default {@link KernelConfig#DEFAULT_SPIN_WATCHDOG}).
     */
    public BootRequest spinWatchdog(Duration watchdog) {
        if (watchdog.isNegative() || watchdog.isZero()) {
            throw new IllegalArgumentException("the spin watchdog must be positive: " + watchdog);
        }
        this.spinWatchdog = watchdog;
        return this;
    }

    public Duration spinWatchdog() {
        return spinWatchdog;
    }

    public Optional<Path> boardFile() {
        return Optional.ofNullable(boardFile);
    }

    /**
     * Where kernel debug output goes instead of the board's debug writer (which shares the console UART, as in
     * Tock).
     */
    public BootRequest debug(Consumer<String> sink) {
        this.debug = sink;
        return this;
    }

    public String boardName() {
        return boardName;
    }

    public List<Module> modules() {
        return modules;
    }

    public List<String> appNames() {
        return List.copyOf(appNames);
    }

    public List<AppSource> appSources() {
        return List.copyOf(appSources);
    }

    public List<Path> appJars() {
        return List.copyOf(appJars);
    }

    public List<Path> capsuleJars() {
        return List.copyOf(capsuleJars);
    }

    public long seed() {
        return seed;
    }

    public boolean realtime() {
        return realtime;
    }

    public boolean traceSyscalls() {
        return traceSyscalls;
    }

    public Optional<FaultPolicyChoice> faultPolicy() {
        return Optional.ofNullable(faultPolicy);
    }

    public Optional<Consumer<String>> debug() {
        return Optional.ofNullable(debug);
    }

    /** Whether apps were chosen (otherwise the board's defaults run). */
    public boolean appsChosen() {
        return !appNames.isEmpty() || !appSources.isEmpty() || !appJars.isEmpty();
    }
}
