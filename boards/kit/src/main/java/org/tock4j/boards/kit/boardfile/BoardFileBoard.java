package org.tock4j.boards.kit.boardfile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import org.tock4j.boards.kit.AddressRange;
import org.tock4j.boards.kit.BoardPlan;
import org.tock4j.boards.kit.BoardSettings;
import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.BootException;
import org.tock4j.boards.kit.CapsuleSelection;
import org.tock4j.boards.kit.ChipResources;
import org.tock4j.boards.kit.ChipSupport;
import org.tock4j.boards.kit.Discovery;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.LedWire;
import org.tock4j.boards.kit.SchedulerChoice;
import org.tock4j.boards.kit.internal.BoardParts;
import org.tock4j.boards.kit.internal.HilResolver;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.time.Alarm;

/**
 * A board described by a board file: a YAML file naming the chip, the capsules at their driver numbers with the
 * pins and peripherals they use, the scheduler, the fault policy and the apps. Every mistake is reported with its
 * line, all at once, before anything boots.
 *
 * <pre>{@code
 * board: my-board
 * chip: nRF52840
 * apps: [hello, blink]
 * capsules:
 *   - {component: console, driver: 0x1, uart: UARTE0}
 *   - {component: alarm,   driver: 0x0, alarm: RTC1}
 *   - {component: led,     driver: 0x2, leds: [P0.13, P0.14], active: low}
 * }</pre>
 */
public final class BoardFileBoard {
    private static final Set<String> TOP_LEVEL = Set.of("board", "chip", "processes", "scheduler", "timeslice-us",
            "fault-policy", "syscall-cycles", "apps", "app-flash", "app-ram", "capsules");

    private BoardFileBoard() {}

    /** Reads {@code file} and builds the board's parts, or reports every problem in it. */
    public static BoardParts parts(Path file, BoardSettings settings, DeferredCalls deferredCalls,
            Discovery discovery) {
        Node root = parse(file);
        List<String> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(problems);
        Map<String, Node> top = yaml.mapping(root, "a board file");
        for (Map.Entry<String, Node> e : top.entrySet()) {
            if (!TOP_LEVEL.contains(e.getKey())) {
                problems.add("line " + line(top, e.getKey()) + ": unknown setting '" + e.getKey() + "' (settings: "
                        + String.join(", ", TOP_LEVEL.stream().sorted().toList()) + ")");
            }
        }
        Optional<String> name = required(top, "board", yaml, root, problems);
        Optional<String> chipName = required(top, "chip", yaml, root, problems);

        Map<String, ChipSupport> chips = new LinkedHashMap<>();
        discovery.chips().forEach(f -> chips.putIfAbsent(f.value().chipName(), f.value()));
        ChipResources chip = null;
        if (chipName.isPresent()) {
            ChipSupport support = chips.get(chipName.get());
            if (support == null) {
                problems.add("line " + line(top, "chip") + ": unknown chip '" + chipName.get() + "' (known: "
                        + (chips.isEmpty() ? "none" : String.join(", ", chips.keySet())) + ")");
            } else {
                chip = support.create(settings, deferredCalls);
            }
        }
        if (chip == null) {
            throw new BootException(problems.isEmpty() ? List.of("the board file names no usable chip") : problems);
        }

        Map<String, CapsuleComponent> components = new LinkedHashMap<>();
        discovery.capsules().forEach(f -> components.putIfAbsent(f.value().name(), f.value()));
        CapsuleBindings bindings = new CapsuleBindings(chip, deferredCalls, yaml);
        BoardPlan.Builder plan = BoardPlan.builder(name.orElse(file.getFileName().toString()), chipName.get());
        plan.processSlots(optionalNumber(top, "processes", yaml).orElse(4));
        plan.syscallCycles(optionalNumber(top, "syscall-cycles", yaml).orElse(200));
        plan.appFlash(range(top, "app-flash", yaml).orElse(chip.defaultAppFlash()));
        plan.appRam(range(top, "app-ram", yaml).orElse(chip.defaultAppRam()));
        plan.scheduler(scheduler(top, yaml, chip));
        plan.faultPolicy(faultPolicy(top, yaml));
        if (top.containsKey("apps")) {
            plan.defaultApps(yaml.names(top.get("apps"), "apps").stream().map(ScalarNode::getValue)
                    .toArray(String[]::new));
        }

        Map<Integer, String> driverNumbers = new HashMap<>();
        Map<CapsuleSelection, HilResolver> resolvers = new LinkedHashMap<>();
        if (!top.containsKey("capsules")) {
            problems.add("line " + YamlNodes.line(root) + ": the board file lists no capsules");
        }
        for (Node entryNode : top.containsKey("capsules") ? yaml.sequence(top.get("capsules"), "capsules")
                : List.<Node>of()) {
            Map<String, Node> entry = yaml.mapping(entryNode, "a capsule");
            Optional<String> componentName = entry.containsKey("component")
                    ? yaml.string(entry.get("component"), "component") : Optional.empty();
            if (componentName.isEmpty()) {
                if (!entry.containsKey("component")) {
                    yaml.problem(entryNode, "a capsule needs 'component' (known: "
                            + String.join(", ", components.keySet()) + ")");
                }
                continue;
            }
            CapsuleComponent component = components.get(componentName.get());
            if (component == null) {
                yaml.problem(entry.get("component"), "unknown capsule component '" + componentName.get()
                        + "' (known: " + String.join(", ", components.keySet()) + ")");
                continue;
            }
            int driver = entry.containsKey("driver")
                    ? yaml.number(entry.get("driver"), "driver").orElse(component.defaultDriverNumber())
                    : component.defaultDriverNumber();
            String previous = driverNumbers.putIfAbsent(driver, componentName.get());
            if (previous != null) {
                yaml.problem(entryNode, String.format("driver number %#x is used twice: by '%s' and by '%s'", driver,
                        previous, componentName.get()));
            }
            boolean trusted = entry.containsKey("trusted")
                    && yaml.string(entry.get("trusted"), "trusted").map("true"::equals).orElse(false);
            CapsuleSelection selection = trusted ? CapsuleSelection.trusted(componentName.get(), driver)
                    : CapsuleSelection.of(componentName.get(), driver);
            plan.capsule(selection);
            resolvers.put(selection, bindings.bind(component, entryNode, entry));
        }
        if (!problems.isEmpty()) {
            throw new BootException(problems);
        }

        BoardWorld world = new BoardWorld(chip.clock(), bindings.leds(), worldPins(chip), bindings.uarts(),
                chip.sensors(), chip.i2cBuses(), chip.spiBuses(), chip.faults());
        BoardPlan built = plan.build();
        return new BoardParts(built, chip.chip(), chip.clock(), chip.schedulerTimer(), world,
                selection -> resolvers.getOrDefault(selection, dependency -> Optional.empty()),
                bindings.consoleMux());
    }

    private static Map<String, org.tock4j.chips.emulator.world.PinWire> worldPins(ChipResources chip) {
        return new LinkedHashMap<>(chip.pinWires());
    }

    private static Node parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BootException("board file not found: " + file);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new BootException(file + " is empty: a board file needs at least 'board', 'chip' and 'capsules'");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new BootException(file + " line " + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new BootException(file + ": not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new BootException("cannot read board file " + file + ": " + e.getMessage());
        }
    }

    private static Optional<String> required(Map<String, Node> top, String key, YamlNodes yaml, Node root,
            List<String> problems) {
        if (!top.containsKey(key)) {
            problems.add("line " + YamlNodes.line(root) + ": the board file needs '" + key + "'");
            return Optional.empty();
        }
        return yaml.string(top.get(key), key);
    }

    private static int line(Map<String, Node> top, String key) {
        return YamlNodes.line(top.get(key));
    }

    private static Optional<Integer> optionalNumber(Map<String, Node> top, String key, YamlNodes yaml) {
        return top.containsKey(key) ? yaml.number(top.get(key), key) : Optional.empty();
    }

    private static Optional<AddressRange> range(Map<String, Node> top, String key, YamlNodes yaml) {
        if (!top.containsKey(key)) {
            return Optional.empty();
        }
        Map<String, Node> r = yaml.mapping(top.get(key), key);
        if (!r.containsKey("start") || !r.containsKey("size")) {
            yaml.problem(top.get(key), key + " needs 'start' and 'size'");
            return Optional.empty();
        }
        Optional<Integer> start = yaml.number(r.get("start"), key + " start");
        Optional<Integer> size = yaml.number(r.get("size"), key + " size");
        if (start.isEmpty() || size.isEmpty() || size.get() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(start.get(), size.get()));
    }

    /** The scheduler by name; MLFQ measures its boost period on the chip's first alarm, as Tock's boards do. */
    private static SchedulerChoice scheduler(Map<String, Node> top, YamlNodes yaml, ChipResources chip) {
        int timeslice = optionalNumber(top, "timeslice-us", yaml).orElse(SchedulerChoice.RoundRobin.tockDefault()
                .timesliceUs());
        if (!top.containsKey("scheduler")) {
            return new SchedulerChoice.RoundRobin(timeslice);
        }
        String name = yaml.string(top.get("scheduler"), "scheduler").orElse("round-robin");
        Optional<Alarm> alarm = chip.peripherals().values().stream().filter(Alarm.class::isInstance)
                .map(Alarm.class::cast).findFirst();
        try {
            return SchedulerChoice.named(name, timeslice, alarm);
        } catch (IllegalArgumentException e) {
            yaml.problem(top.get("scheduler"), e.getMessage());
            return new SchedulerChoice.RoundRobin(timeslice);
        }
    }

    private static FaultPolicyChoice faultPolicy(Map<String, Node> top, YamlNodes yaml) {
        if (!top.containsKey("fault-policy")) {
            return FaultPolicyChoice.PANIC;
        }
        String name = yaml.string(top.get("fault-policy"), "fault-policy").orElse("panic");
        try {
            return FaultPolicyChoice.fromCliName(name);
        } catch (IllegalArgumentException e) {
            yaml.problem(top.get("fault-policy"), e.getMessage());
            return FaultPolicyChoice.PANIC;
        }
    }

    /** Names of the keys each dependency type reads, for the error listing a capsule's settings. */
    static Set<String> settingsOf(CapsuleComponent component) {
        Set<String> keys = new LinkedHashSet<>(List.of("component", "driver", "trusted"));
        for (HilDependency<?> d : component.dependencies()) {
            keys.addAll(CapsuleBindings.keysFor(d));
        }
        return keys;
    }
}
