package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.deferred.DeferredCallManager;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.loading.TbfImageBuilder;
import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessFaultPolicy;
import org.tock4j.kernel.core.process.ProcessStandard;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.core.scheduler.RoundRobinSched;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.platform.ContextSwitchCallback;
import org.tock4j.kernel.platform.KernelResources;
import org.tock4j.kernel.platform.ProcessFault;
import org.tock4j.kernel.platform.SchedulerTimer;
import org.tock4j.kernel.platform.SyscallDriverLookup;
import org.tock4j.kernel.platform.SyscallFilter;
import org.tock4j.kernel.platform.Watchdog;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.kernel.platform.mpu.NoMpu;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.userland.App;

/**
 * A whole kernel on a {@link TestChip}: drivers with real grants, test apps written into flash as TBF images and
 * loaded with {@link ProcessLoader} onto the {@link JvmProcessRuntime}, and the kernel loop run step by step on
 * the test's thread (the board's kernel thread).
 *
 * <pre>{@code
 * try (TestBoard board = new TestBoard()) {
 *     TestDriver driver = new TestDriver(board, 0x99, 1, 1, 1);
 *     board.addApp(TestApps.app("a", sys -> sys.command(0x99, 1, 0, 0)));
 *     board.load();
 *     board.runUntil(() -> ..., 100);
 * }
 * }</pre>
 */
public final class TestBoard implements AutoCloseable {
    /** Where app binaries go in flash (the kernel would sit below). */
    public static final int APPS_FLASH_START = 0x0004_0000;
    public static final int APPS_FLASH_SIZE = TestMemory.FLASH_SIZE - APPS_FLASH_START;
    /** The app RAM pool: RAM after 16 KiB of "kernel" RAM. */
    public static final int APPS_RAM_START = TestMemory.RAM_START + 0x4000;
    public static final int APPS_RAM_SIZE = TestMemory.RAM_SIZE - 0x4000;
    /** Cycles a system call costs (one cycle is a microsecond on the default chip). */
    public static final long SYSCALL_CYCLES = 10;
    /** Code area of the test images: room for 255 upcall functions. */
    public static final int CODE_SIZE = 1024;

    private final TestChip chip;
    private final DeferredCallManager deferredCalls = new DeferredCallManager();
    private final Kernel kernel;
    private final Map<Integer, SyscallDriver> drivers = new HashMap<>();
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final List<RecordingBoundary> boundaries = new ArrayList<>();
    private final Map<String, RecordingBoundary> boundaryByName = new HashMap<>();
    private List<ProcessLoader.Outcome> outcomes = List.of();
    private int nextFlash = APPS_FLASH_START;
    private int ramStart = APPS_RAM_START;
    private int ramSize = APPS_RAM_SIZE;

    private Scheduler scheduler;
    private int timesliceUs = RoundRobinSched.DEFAULT_TIMESLICE_US;
    private SyscallFilter syscallFilter = SyscallFilter.ALLOW_ALL;
    private ProcessFault processFault = ProcessFault.NONE;
    private ContextSwitchCallback contextSwitchCallback = ContextSwitchCallback.NONE;
    private Watchdog watchdog = Watchdog.NONE;
    private SchedulerTimer schedulerTimer;
    private ProcessFaultPolicy faultPolicy = FaultPolicies.stop();
    private KernelResources resources;
    private boolean setUp;

    public TestBoard() {
        this(new NoMpu(), 4);
    }

    public TestBoard(Mpu mpu) {
        this(mpu, 4);
    }

    public TestBoard(Mpu mpu, int processSlots) {
        this(mpu, processSlots, KernelConfig.defaults());
    }

    public TestBoard(Mpu mpu, int processSlots, KernelConfig config) {
        this.chip = new TestChip(mpu);
        this.kernel = new Kernel(processSlots, chip.memory(), deferredCalls, config);
    }

    // ---------------------------------------------------------------- wiring (before load)

    public TestChip chip() {
        return chip;
    }

    public TestMemory memory() {
        return chip.memory();
    }

    public Kernel kernel() {
        return kernel;
    }

    public DeferredCallManager deferredCalls() {
        return deferredCalls;
    }

    /** A grant made the way a capsule component makes one. */
    public <T> Grant<T> createGrant(int driverNum, GrantType<T> type, int upcalls, int allowRo, int allowRw) {
        return kernel.createGrant(driverNum, type, UpcallCount.of(upcalls), AllowRoCount.of(allowRo),
                AllowRwCount.of(allowRw), Capability.memoryAllocation());
    }

    public TestBoard driver(int driverNum, SyscallDriver driver) {
        drivers.put(driverNum, driver);
        return this;
    }

    public TestBoard scheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    public TestBoard timesliceUs(int us) {
        this.timesliceUs = us;
        return this;
    }

    public TestBoard syscallFilter(SyscallFilter filter) {
        this.syscallFilter = filter;
        return this;
    }

    public TestBoard processFault(ProcessFault hook) {
        this.processFault = hook;
        return this;
    }

    public TestBoard contextSwitchCallback(ContextSwitchCallback callback) {
        this.contextSwitchCallback = callback;
        return this;
    }

    public TestBoard watchdog(Watchdog watchdog) {
        this.watchdog = watchdog;
        return this;
    }

    /** The scheduler timer the kernel uses instead of the chip's (a wrapper around it, say). */
    public TestBoard schedulerTimer(SchedulerTimer timer) {
        this.schedulerTimer = timer;
        return this;
    }

    public TestBoard faultPolicy(ProcessFaultPolicy policy) {
        this.faultPolicy = policy;
        return this;
    }

    /** The app RAM pool processes are carved from. */
    public TestBoard appRam(int start, int size) {
        this.ramStart = start;
        this.ramSize = size;
        return this;
    }

    /** Writes a TBF image for {@code app} at the next free flash address; returns that address. */
    public int addApp(App app) {
        return addApp(app, builder -> builder);
    }

    /** As {@link #addApp(App)}, letting the test change the image. */
    public int addApp(App app, UnaryOperator<TbfImageBuilder> customize) {
        TbfImageBuilder builder = new TbfImageBuilder(app.name()).minimumRamSize(app.minimumRamBytes())
                .codeSize(CODE_SIZE).kernelVersion(2, 0);
        byte[] image = customize.apply(builder).build();
        apps.put(app.name(), app);
        return writeImage(image);
    }

    /** Writes raw bytes (a hand-made image) at the next free flash address; returns that address. */
    public int writeImage(byte[] image) {
        int at = nextFlash;
        chip.memory().write(at, image, 0, image.length);
        nextFlash += image.length;
        return at;
    }

    /**
     * Loads every binary in the app flash region with {@code boundaries} as each process's architecture (a
     * fuzzer's scripted one, say) instead of the JVM runtime; returns what happened to each.
     */
    public List<ProcessLoader.Outcome> load(ProcessLoader.BoundaryFactory boundaries) {
        outcomes = ProcessLoader.loadProcesses(kernel, chip, APPS_FLASH_START, APPS_FLASH_SIZE, ramStart, ramSize,
                faultPolicy, boundaries, Capability.processManagement());
        return outcomes;
    }

    /** Loads every binary in the app flash region; returns what happened to each. */
    public List<ProcessLoader.Outcome> load() {
        outcomes = ProcessLoader.loadProcesses(kernel, chip, APPS_FLASH_START, APPS_FLASH_SIZE, ramStart, ramSize,
                faultPolicy, (header, flashStart, flashLength) -> {
                    App app = apps.get(header.packageName());
                    if (app == null) {
                        return Optional.empty();
                    }
                    int codeStart = flashStart + header.protectedSize();
                    JvmProcessRuntime runtime = new JvmProcessRuntime(kernel, chip, kernel.cpu(), () -> app,
                            header.packageName(), codeStart, flashLength - header.protectedSize(), SYSCALL_CYCLES);
                    RecordingBoundary boundary = new RecordingBoundary(runtime);
                    boundaries.add(boundary);
                    boundaryByName.put(header.packageName(), boundary);
                    return Optional.of(boundary);
                }, Capability.processManagement());
        return outcomes;
    }

    public List<ProcessLoader.Outcome> outcomes() {
        return outcomes;
    }

    /** The loaded process named {@code name}. */
    public ProcessStandard process(String name) {
        for (ProcessLoader.Outcome o : outcomes) {
            if (o instanceof ProcessLoader.Outcome.Loaded loaded && loaded.process().getProcessName().equals(name)) {
                return loaded.process();
            }
        }
        throw new AssertionError("no process named " + name + " was loaded: " + outcomes);
    }

    public RecordingBoundary boundary(String name) {
        RecordingBoundary b = boundaryByName.get(name);
        if (b == null) {
            throw new AssertionError("no boundary for " + name);
        }
        return b;
    }

    // ---------------------------------------------------------------- running

    /** The board's kernel resources (built on first use: the scheduler needs the process table). */
    public KernelResources resources() {
        if (resources == null) {
            Scheduler s = scheduler != null ? scheduler
                    : new RoundRobinSched(kernel.processSlotSuppliers(), timesliceUs);
            SyscallDriverLookup lookup = driverNum -> Optional.ofNullable(drivers.get(driverNum));
            SchedulerTimer timer = schedulerTimer != null ? schedulerTimer : chip.schedulerTimer();
            Watchdog dog = watchdog;
            resources = new KernelResources() {
                @Override
                public SyscallDriverLookup syscallDriverLookup() {
                    return lookup;
                }

                @Override
                public SyscallFilter syscallFilter() {
                    return syscallFilter;
                }

                @Override
                public ProcessFault processFault() {
                    return processFault;
                }

                @Override
                public ContextSwitchCallback contextSwitchCallback() {
                    return contextSwitchCallback;
                }

                @Override
                public Scheduler scheduler() {
                    return s;
                }

                @Override
                public SchedulerTimer schedulerTimer() {
                    return timer;
                }

                @Override
                public Watchdog watchdog() {
                    return dog;
                }
            };
        }
        return resources;
    }

    /** One {@code kernelLoopOperation}. */
    public void step() {
        if (!setUp) {
            setUp = true;
            kernel.kernelLoopSetup(resources(), Capability.mainLoop());
        }
        kernel.kernelLoopOperation(resources(), chip, false, Capability.mainLoop());
    }

    public void steps(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
    }

    /** Steps until {@code done} holds; fails the test after {@code maxSteps}. Returns the steps taken. */
    public int runUntil(BooleanSupplier done, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            if (done.getAsBoolean()) {
                return i;
            }
            step();
        }
        if (done.getAsBoolean()) {
            return maxSteps;
        }
        throw new AssertionError("condition not reached in " + maxSteps + " kernel loop steps");
    }

    /** Ends every process thread. */
    @Override
    public void close() {
        for (RecordingBoundary b : boundaries) {
            b.runtime().shutdown();
        }
    }
}
