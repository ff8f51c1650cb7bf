package org.tock4j.boards.kit.boardfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import org.tock4j.boards.kit.ChipResources;
import org.tock4j.boards.kit.LedWire;
import org.tock4j.boards.kit.internal.HilResolver;
import org.tock4j.capsules.core.button.ButtonPin;
import org.tock4j.capsules.core.gpio.GpioPins;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartMuxComponent;
import org.tock4j.capsules.core.virtualizers.AlarmMuxComponent;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.gpio.ActivationMode;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.Input;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.hil.gpio.Output;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.hil.led.LedHigh;
import org.tock4j.kernel.hil.led.LedLow;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.uart.Uart;

/**
 * Turns a board file's capsule entries into the HILs their components declare: pins by name become LEDs,
 * buttons and GPIO pins; UART and alarm names become shared muxes (one per peripheral); other peripherals are
 * found by name among the chip's. Problems are collected with their lines; a pin used twice is one.
 *
 * <pre>
 *   HIL the component declares        setting read from its entry
 *   MuxUart                           uart (default: the chip's first UART), baud (default 115200)
 *   MuxAlarm                          alarm (default: the chip's first alarm)
 *   List&lt;Led&gt;                         leds: [pins], active: low | high (default high)
 *   List&lt;ButtonPin&gt;                   buttons: [pins], active: low | high (default low), pull: up | down | none
 *   GpioPins                          pins: [pins]
 *   Pin / InterruptPin / Input / Output   pin (or the dependency's qualifier)
 *   any other HIL (Rng, TemperatureDriver, I2cMaster, ...)   a peripheral name under the dependency's
 *                                     qualifier, or its type's name in lower case (rng, temperaturedriver);
 *                                     default: the chip's only peripheral of that type
 * </pre>
 */
final class CapsuleBindings {
    private static final int DEFAULT_BAUD = 115_200;

    private final ChipResources chip;
    private final DeferredCalls deferredCalls;
    private final YamlNodes yaml;
    private final Map<String, MuxUart> uartMuxes = new HashMap<>();
    private final Map<String, MuxAlarm> alarmMuxes = new HashMap<>();
    private final Map<String, Integer> pinUsedAt = new HashMap<>();
    private final List<LedWire> leds = new ArrayList<>();
    private final Map<String, UartLink> uarts = new LinkedHashMap<>();
    private MuxUart consoleMux;

    CapsuleBindings(ChipResources chip, DeferredCalls deferredCalls, YamlNodes yaml) {
        this.chip = chip;
        this.deferredCalls = deferredCalls;
        this.yaml = yaml;
        uarts.putAll(chip.uartLinks());
    }

    /** The settings a dependency reads from a capsule entry. */
    static Set<String> keysFor(HilDependency<?> d) {
        Class<?> t = d.type();
        if (t == MuxUart.class) {
            return Set.of(key(d, "uart"), "baud");
        } else if (t == MuxAlarm.class) {
            return Set.of(key(d, "alarm"));
        } else if (t == Led.class) {
            return Set.of(key(d, "leds"), "active");
        } else if (t == ButtonPin.class) {
            return Set.of(key(d, "buttons"), "active", "pull");
        } else if (t == GpioPins.class) {
            return Set.of(key(d, "pins"));
        } else if (isPinType(t)) {
            return Set.of(key(d, "pin"));
        }
        return Set.of(key(d, t.getSimpleName().toLowerCase(java.util.Locale.ROOT)));
    }

    private static String key(HilDependency<?> d, String conventional) {
        return d.qualifier().isEmpty() ? conventional : d.qualifier();
    }

    private static boolean isPinType(Class<?> t) {
        return t == Pin.class || t == InterruptPin.class || t == Input.class || t == Output.class;
    }

    /** Resolves every dependency of {@code component} from its entry now, so that problems surface at once. */
    HilResolver bind(CapsuleComponent component, Node entryNode, Map<String, Node> entry) {
        Set<String> allowed = BoardFileBoard.settingsOf(component);
        for (Map.Entry<String, Node> e : entry.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                yaml.problem(e.getValue(), "capsule '" + component.name() + "' has no setting '" + e.getKey()
                        + "' (its settings: " + String.join(", ", allowed) + ")");
            }
        }
        Map<HilDependency<?>, Object> bound = new HashMap<>();
        for (HilDependency<?> d : component.dependencies()) {
            resolve(component, d, entryNode, entry).ifPresent(v -> bound.put(d, v));
        }
        return dependency -> Optional.ofNullable(bound.get(dependency));
    }

    List<LedWire> leds() {
        return List.copyOf(leds);
    }

    Map<String, UartLink> uarts() {
        return Map.copyOf(uarts);
    }

    /** The console's UART mux, which kernel debug output shares. */
    Optional<MuxUart> consoleMux() {
        return Optional.ofNullable(consoleMux);
    }

    private Optional<Object> resolve(CapsuleComponent component, HilDependency<?> d, Node entryNode,
            Map<String, Node> entry) {
        Class<?> t = d.type();
        if (t == MuxUart.class) {
            Optional<String> uart = peripheralName(component, d, key(d, "uart"), Uart.class, entryNode, entry);
            int baud = entry.containsKey("baud") ? yaml.number(entry.get("baud"), "baud").orElse(DEFAULT_BAUD)
                    : DEFAULT_BAUD;
            return uart.map(name -> {
                MuxUart mux = uartMuxes.computeIfAbsent(name, n -> UartMuxComponent.finalize((Uart) chip.peripherals().get(n), baud, deferredCalls));
                if (component.name().equals("console")) {
                    uarts.put("console", chip.uartLinks().get(name));
                    consoleMux = mux;
                }
                return mux;
            });
        } else if (t == MuxAlarm.class) {
            return peripheralName(component, d, key(d, "alarm"), Alarm.class, entryNode, entry)
                    .map(name -> alarmMuxes.computeIfAbsent(name, n -> AlarmMuxComponent.finalize((Alarm) chip.peripherals().get(n))));
        } else if (t == Led.class) {
            boolean activeLow = activeLow(entry, false);
            List<Led> list = new ArrayList<>();
            for (ScalarNode pin : pinList(component, key(d, "leds"), entryNode, entry)) {
                InterruptPin p = chip.pins().get(pin.getValue());
                list.add(activeLow ? new LedLow(p) : new LedHigh(p));
                leds.add(new LedWire("LED" + (leds.size() + 1), chip.pinWires().get(pin.getValue()), activeLow));
            }
            return Optional.of(List.copyOf(list));
        } else if (t == ButtonPin.class) {
            ActivationMode mode = activeLow(entry, true) ? ActivationMode.ActiveLow : ActivationMode.ActiveHigh;
            FloatingState pull = pull(entry);
            List<ButtonPin> list = new ArrayList<>();
            for (ScalarNode pin : pinList(component, key(d, "buttons"), entryNode, entry)) {
                list.add(new ButtonPin(chip.pins().get(pin.getValue()), mode, pull));
            }
            return Optional.of(List.copyOf(list));
        } else if (t == GpioPins.class) {
            List<InterruptPin> list = new ArrayList<>();
            for (ScalarNode pin : pinList(component, key(d, "pins"), entryNode, entry)) {
                list.add(chip.pins().get(pin.getValue()));
            }
            return Optional.of(GpioPins.of(list));
        } else if (isPinType(t)) {
            List<ScalarNode> pins = pinList(component, key(d, "pin"), entryNode, entry);
            return pins.size() == 1 ? Optional.of(chip.pins().get(pins.get(0).getValue())) : Optional.empty();
        }
        return peripheralName(component, d, keysFor(d).iterator().next(), t, entryNode, entry)
                .map(name -> chip.peripherals().get(name));
    }

    /** The named peripheral of type {@code type}, or the chip's only one when the entry names none. */
    private Optional<String> peripheralName(CapsuleComponent component, HilDependency<?> d, String key, Class<?> type,
            Node entryNode, Map<String, Node> entry) {
        List<String> candidates = chip.peripherals().entrySet().stream().filter(e -> type.isInstance(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (entry.containsKey(key)) {
            Optional<String> name = yaml.string(entry.get(key), key);
            if (name.isPresent() && !candidates.contains(name.get())) {
                yaml.problem(entry.get(key), "capsule '" + component.name() + "' needs a " + type.getSimpleName()
                        + " for '" + key + "', and chip has no " + type.getSimpleName() + " named '" + name.get()
                        + "' (it has: " + (candidates.isEmpty() ? "none" : String.join(", ", candidates)) + ")");
                return Optional.empty();
            }
            return name;
        }
        if (candidates.isEmpty()) {
            yaml.problem(entryNode, "capsule '" + component.name() + "' needs " + d + " but the chip has no "
                    + type.getSimpleName() + " a board file can bind");
            return Optional.empty();
        }
        // Without a name, the chip's first peripheral of the type (its default, as chip support orders them).
        return Optional.of(candidates.get(0));
    }

    /** The pins an entry lists under {@code key}; each unknown or already used pin is a problem. */
    private List<ScalarNode> pinList(CapsuleComponent component, String key, Node entryNode,
            Map<String, Node> entry) {
        if (!entry.containsKey(key)) {
            yaml.problem(entryNode, "capsule '" + component.name() + "' needs '" + key + "': the pins it uses");
            return List.of();
        }
        List<ScalarNode> valid = new ArrayList<>();
        for (ScalarNode pin : yaml.names(entry.get(key), key)) {
            String name = pin.getValue();
            if (!chip.pins().containsKey(name)) {
                yaml.problem(pin, "unknown pin '" + name + "' (pins look like " + examplePins() + ")");
                continue;
            }
            Integer previous = pinUsedAt.putIfAbsent(name, YamlNodes.line(pin));
            if (previous != null) {
                yaml.problem(pin, "pin " + name + " is used twice (also at line " + previous + ")");
                continue;
            }
            valid.add(pin);
        }
        return valid;
    }

    private String examplePins() {
        return String.join(", ", chip.pins().keySet().stream().limit(3).toList()) + ", ...";
    }

    private boolean activeLow(Map<String, Node> entry, boolean byDefault) {
        if (!entry.containsKey("active")) {
            return byDefault;
        }
        String v = yaml.string(entry.get("active"), "active").orElse(byDefault ? "low" : "high");
        if (!v.equals("low") && !v.equals("high")) {
            yaml.problem(entry.get("active"), "active must be 'low' or 'high', not '" + v + "'");
        }
        return v.equals("low");
    }

    private FloatingState pull(Map<String, Node> entry) {
        if (!entry.containsKey("pull")) {
            return FloatingState.PullUp;
        }
        String v = yaml.string(entry.get("pull"), "pull").orElse("up");
        return switch (v) {
            case "up" -> FloatingState.PullUp;
            case "down" -> FloatingState.PullDown;
            case "none" -> FloatingState.PullNone;
            default -> {
                yaml.problem(entry.get("pull"), "pull must be 'up', 'down' or 'none', not '" + v + "'");
                yield FloatingState.PullUp;
            }
        };
    }

}
