package org.tock4j.boards.kit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

import org.tock4j.boards.kit.boardfile.BoardFileBoard;
import org.tock4j.boards.kit.internal.AppFlasher;
import org.tock4j.boards.kit.internal.BoardResources;
import org.tock4j.boards.kit.internal.ComponentWiring;
import org.tock4j.boards.kit.internal.BoardParts;
import org.tock4j.boards.kit.internal.DriverTable;
import org.tock4j.boards.kit.internal.HilResolver;
import org.tock4j.boards.kit.internal.SyscallRecorder;
import org.tock4j.capsules.core.debug.DebugWriterComponent;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.core.IpcUpcalls;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.SyscallObserver;
import org.tock4j.kernel.core.deferred.DeferredCallManager;
import org.tock4j.kernel.core.loading.ProcessLoader;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.ContextSwitchCallback;
import org.tock4j.kernel.platform.ProcessFault;
import org.tock4j.kernel.platform.SchedulerTimer;
import org.tock4j.kernel.platform.Watchdog;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Boots a board the way a Tock board's {@code main.rs} does, in the same order: chip and HILs (the board's
 * Guice modules), capsules and their grants, the scheduler, then the processes in app flash. Every mistake in
 * the request or the board is collected and reported together before anything runs.
 */
final class BoardBooter {
    private BoardBooter() {}

    static Board boot(BootRequest request) {
        Discovery discovery = Discovery.withJars(runTimeJars(request));
        List<String> jarProblems = capsuleJarProblems(request, discovery);
        DeferredCallManager deferredCalls = new DeferredCallManager();
        BoardSettings settings = new BoardSettings(request.seed(), request.realtime());
        BoardParts parts;
        try {
            parts = request.boardFile().isPresent()
                    ? BoardFileBoard.parts(request.boardFile().get(), settings, deferredCalls, discovery)
                    : guiceParts(boardModules(request, discovery), settings, deferredCalls);
        } catch (BootException e) {
            // A capsule jar without components explains the "unknown capsule component" that follows from it.
            if (jarProblems.isEmpty()) {
                throw e;
            }
            List<String> all = new ArrayList<>(jarProblems);
            all.addAll(e.problems());
            throw new BootException(all);
        }
        if (request.faultPolicy().isPresent()) {
            parts = parts.withPlan(parts.plan().withFaultPolicy(request.faultPolicy().get()));
        }
        BoardPlan plan = parts.plan();
        Chip chip = parts.chip();
        VirtualClock clock = parts.clock();
        SchedulerTimer schedulerTimer = parts.schedulerTimer();
        BoardWorld world = parts.world();

        List<String> problems = new ArrayList<>(jarProblems);
        List<AppSource> apps = resolveApps(request, plan, discovery, problems);
        Map<String, CapsuleComponent> components = discovery.capsules().stream()
                .collect(Collectors.toMap(f -> f.value().name(), Discovery.Found::value, (a, b) -> a,
                        LinkedHashMap::new));
        checkCapsules(plan, components, parts, problems);
        if (!problems.isEmpty()) {
            throw new BootException(problems);
        }

        SyscallRecorder recorder = new SyscallRecorder(clock::now);
        KernelDebug debug = new KernelDebug();
        KernelConfig config = new KernelConfig(request.traceSyscalls(), debug,
                request.recordSyscalls() ? recorder : SyscallObserver.NONE, request.spinWatchdog());
        Kernel kernel = new Kernel(plan.processSlots(), chip.memory(), deferredCalls, config);

        Map<Integer, SyscallDriver> drivers = new TreeMap<>();
        for (CapsuleSelection selection : plan.capsules()) {
            CapsuleComponent component = components.get(selection.component());
            SyscallDriver driver = component.create(new ComponentWiring(component, selection.driverNumber(), kernel,
                    parts.hils().apply(selection), deferredCalls, selection.trusted()));
            drivers.put(selection.driverNumber(), driver);
            if (driver instanceof IpcUpcalls ipc) {
                // The kernel loop hands IPC tasks to the IPC driver (Tock's do_process gets it as a parameter).
                kernel.setIpc(ipc);
            }
        }
        // Built after the capsules, as Tock's boards build it after their console.
        Optional<MuxUart> debugUart = parts.debugUart();
        debug.sendTo(request.debug().or(() -> debugUart.map(DebugWriterComponent::finalize)
                .<Consumer<String>>map(writer -> writer::println)).orElse(line -> { }));
        BoardResources resources = new BoardResources(new DriverTable(drivers), plan.syscallFilter(),
                ProcessFault.NONE, ContextSwitchCallback.NONE, plan.scheduler().create(kernel.processSlotSuppliers()),
                schedulerTimer, Watchdog.NONE);

        List<AppFlasher.Flashed> flashed = AppFlasher.flash(chip.memory(), plan.appFlash(), apps);
        Map<Integer, AppSource> appsByFlashStart = new HashMap<>();
        flashed.forEach(f -> appsByFlashStart.put(f.start(), f.app()));
        Map<Integer, JvmProcessRuntime> runtimes = new HashMap<>();
        BoardPlan finalPlan = plan;
        ProcessLoader.BoundaryFactory boundaries = (header, flashStart, flashLength) ->
                Optional.ofNullable(appsByFlashStart.get(flashStart)).map(app -> {
                    JvmProcessRuntime runtime = new JvmProcessRuntime(kernel, chip, kernel.cpu(), app.factory(),
                            app.name(), flashStart + header.protectedSize(), flashLength - header.protectedSize(),
                            finalPlan.syscallCycles());
                    runtimes.put(flashStart, runtime);
                    return runtime;
                });
        List<ProcessLoader.Outcome> outcomes = ProcessLoader.loadProcesses(kernel, chip, plan.appFlash().start(),
                plan.appFlash().length(), plan.appRam().start(), plan.appRam().length(), plan.faultPolicy().policy(),
                boundaries, Capability.processManagement());
        kernel.kernelLoopSetup(resources, Capability.mainLoop());
        return new Board(plan, settings, chip, clock, kernel, resources, world, outcomes, runtimes, recorder);
    }

    /** The parts of a board given as Guice modules: the kit binds the settings and deferred calls. */
    private static BoardParts guiceParts(List<Module> modules, BoardSettings settings, DeferredCalls deferredCalls) {
        Module kit = new AbstractModule() {
            @Override
            protected void configure() {
                bind(BoardSettings.class).toInstance(settings);
                bind(DeferredCalls.class).toInstance(deferredCalls);
            }
        };
        List<Module> all = new ArrayList<>(modules);
        all.add(kit);
        try {
            Injector injector = Guice.createInjector(all);
            HilResolver hils = HilResolver.of(injector);
            return new BoardParts(injector.getInstance(BoardPlan.class), injector.getInstance(Chip.class),
                    injector.getInstance(VirtualClock.class), injector.getInstance(SchedulerTimer.class),
                    injector.getInstance(BoardWorld.class), selection -> hils,
                    hils.resolve(HilDependency.of(MuxUart.class)).map(MuxUart.class::cast));
        } catch (CreationException e) {
            throw new BootException(messages(e.getErrorMessages()));
        } catch (ProvisionException e) {
            throw new BootException(messages(e.getErrorMessages()));
        }
    }

    static List<Module> boardModules(BootRequest request, Discovery discovery) {
        if (!request.modules().isEmpty()) {
            return request.modules();
        }
        List<Discovery.Found<BoardDefinition>> boards = discovery.boards();
        return boards.stream().map(Discovery.Found::value).filter(b -> b.name().equals(request.boardName()))
                .findFirst().map(BoardDefinition::modules)
                .orElseThrow(() -> new BootException("unknown board '" + request.boardName() + "' (known: "
                        + names(boards.stream().map(f -> f.value().name()).toList()) + ")"));
    }

    /** The app and capsule jars, each once (a jar may hold both). */
    private static List<Path> runTimeJars(BootRequest request) {
        Map<Path, Path> jars = new LinkedHashMap<>();
        for (Path jar : request.appJars()) {
            jars.putIfAbsent(jar.toAbsolutePath().normalize(), jar);
        }
        for (Path jar : request.capsuleJars()) {
            jars.putIfAbsent(jar.toAbsolutePath().normalize(), jar);
        }
        return List.copyOf(jars.values());
    }

    private static List<String> capsuleJarProblems(BootRequest request, Discovery discovery) {
        List<String> problems = new ArrayList<>();
        for (Path jar : request.capsuleJars()) {
            if (discovery.capsulesIn(jar).isEmpty()) {
                problems.add("capsule jar " + jar + " provides no " + CapsuleComponent.class.getName()
                        + " (declare it in META-INF/services/" + CapsuleComponent.class.getName()
                        + " or with 'provides' in module-info.java)");
            }
        }
        return problems;
    }

    private static List<AppSource> resolveApps(BootRequest request, BoardPlan plan, Discovery discovery,
            List<String> problems) {
        Map<String, AppSource> known = new LinkedHashMap<>();
        discovery.apps().forEach(f -> known.putIfAbsent(f.value().name(), f.value()));
        List<String> names = request.appsChosen() ? request.appNames() : plan.defaultApps();
        List<AppSource> apps = new ArrayList<>();
        for (String name : names) {
            AppSource app = known.get(name);
            if (app == null) {
                problems.add("unknown app '" + name + "' (known: " + names(List.copyOf(known.keySet())) + ")");
            } else {
                apps.add(app);
            }
        }
        apps.addAll(request.appSources());
        for (var jar : request.appJars()) {
            List<Discovery.Found<AppSource>> inJar = discovery.appsIn(jar);
            if (inJar.isEmpty()) {
                problems.add("app jar " + jar + " provides no org.tock4j.userland.App (declare it in "
                        + "META-INF/services/org.tock4j.userland.App or with 'provides' in module-info.java)");
            }
            inJar.forEach(f -> apps.add(f.value()));
        }
        if (apps.size() > plan.processSlots()) {
            problems.add("board " + plan.boardName() + " has " + plan.processSlots() + " process slots but "
                    + apps.size() + " apps were asked for");
        }
        return apps;
    }

    private static void checkCapsules(BoardPlan plan, Map<String, CapsuleComponent> components, BoardParts parts,
            List<String> problems) {
        Map<Integer, String> byNumber = new HashMap<>();
        for (CapsuleSelection selection : plan.capsules()) {
            String previous = byNumber.putIfAbsent(selection.driverNumber(), selection.component());
            if (previous != null) {
                problems.add(String.format("driver number %#x is used twice: by '%s' and by '%s'",
                        selection.driverNumber(), previous, selection.component()));
            }
            CapsuleComponent component = components.get(selection.component());
            if (component == null) {
                problems.add("unknown capsule component '" + selection.component() + "' (known: "
                        + names(List.copyOf(components.keySet())) + ")");
                continue;
            }
            HilResolver hils = parts.hils().apply(selection);
            for (HilDependency<?> dependency : component.dependencies()) {
                if (hils.resolve(dependency).isEmpty()) {
                    problems.add("capsule '" + selection.component() + "' needs " + dependency + " but board "
                            + plan.boardName() + " binds none");
                }
            }
        }
    }

    private static List<String> messages(java.util.Collection<Message> messages) {
        return messages.stream().map(m -> "board wiring: " + m.getMessage()).toList();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
