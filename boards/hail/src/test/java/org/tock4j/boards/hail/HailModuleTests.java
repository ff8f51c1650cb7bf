package org.tock4j.boards.hail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.name.Names;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.HasDependencies;
import com.google.inject.util.Types;

import org.junit.jupiter.api.Test;
import org.tock4j.boards.kit.BoardPlan;
import org.tock4j.boards.kit.BoardSettings;
import org.tock4j.boards.kit.BoardWorld;
import org.tock4j.boards.kit.CapsuleSelection;
import org.tock4j.boards.kit.Discovery;
import org.tock4j.boards.kit.FaultPolicyChoice;
import org.tock4j.boards.kit.SchedulerChoice;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.devices.Si7021Model;
import org.tock4j.chips.sam4l.Sam4lMemoryMap;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.SchedulerTimer;

/** The Hail's Guice wiring and plan, checked without booting. */
class HailModuleTests {
    private final List<Element> elements = Elements.getElements(new HailModule());
    private final Set<Key<?>> bound = elements.stream().filter(Binding.class::isInstance)
            .map(e -> ((Binding<?>) e).getKey()).collect(Collectors.toSet());
    private final BoardPlan plan = new HailModule().plan();

    @Test
    void bindsWhatTheKitNeedsOfEveryBoard() {
        assertThat(bound).contains(Key.get(Chip.class), Key.get(SchedulerTimer.class), Key.get(VirtualClock.class),
                Key.get(BoardPlan.class), Key.get(BoardWorld.class));
    }

    @Test
    void bindsEveryHilThePlansCapsulesDeclare() {
        Map<String, CapsuleComponent> components = Discovery.standard().capsules().stream()
                .collect(Collectors.toMap(f -> f.value().name(), Discovery.Found::value, (a, b) -> a));
        for (CapsuleSelection selection : plan.capsules()) {
            CapsuleComponent component = components.get(selection.component());
            assertThat(component).as("component '%s'", selection.component()).isNotNull();
            for (HilDependency<?> dependency : component.dependencies()) {
                assertThat(bound).as("%s of '%s'", dependency, selection.component()).contains(keyOf(dependency));
            }
        }
    }

    @Test
    void needsNothingButTheSettingsAndDeferredCallsTheKitBinds() {
        Set<Key<?>> available = new HashSet<>(bound);
        available.add(Key.get(BoardSettings.class));
        available.add(Key.get(DeferredCalls.class));
        for (Element element : elements) {
            if (element instanceof HasDependencies binding) {
                for (Dependency<?> dependency : binding.getDependencies()) {
                    assertThat(available).as("needed by %s", element).contains(dependency.getKey());
                }
            }
        }
    }

    @Test
    void runsTocksHailCapsulesAtTheirDriverNumbersInGrantOrder() {
        assertThat(plan.capsules()).containsExactly(
                CapsuleSelection.of("console", 0x1),
                CapsuleSelection.trusted("process_console", 0x1FFFF),
                CapsuleSelection.of("temperature", 0x60000),
                CapsuleSelection.of("alarm", 0x0),
                CapsuleSelection.of("led", 0x2),
                CapsuleSelection.of("button", 0x3),
                CapsuleSelection.of("rng", 0x40001),
                CapsuleSelection.of("gpio", 0x4),
                CapsuleSelection.trusted("ipc", 0x10000));
    }

    @Test
    void bindsTheSi7021AsTheTemperatureSensor() {
        assertThat(bound).contains(Key.get(TemperatureDriver.class), Key.get(Si7021Model.class));
    }

    @Test
    void hasTwentyProcessSlotsRoundRobinAndRestartsAFaultingProcess() {
        assertThat(plan.boardName()).isEqualTo("hail");
        assertThat(plan.processSlots()).isEqualTo(20);
        assertThat(plan.scheduler()).isEqualTo(SchedulerChoice.RoundRobin.tockDefault());
        assertThat(plan.faultPolicy()).isEqualTo(new FaultPolicyChoice.ThresholdRestartThenPanic(4));
        assertThat(plan.defaultApps()).containsExactly("hello", "blink");
    }

    @Test
    void keepsAppsInTheProgRegionOfChipLayoutAndRamAboveTheDriverRam() {
        assertThat(plan.appFlash().start()).isEqualTo(0x0003_0000);
        assertThat(plan.appFlash().end()).isEqualTo(0x0007_0000);
        assertThat(plan.appRam().start()).isEqualTo(Sam4lMemoryMap.DRIVER_RAM_END);
        assertThat(plan.appRam().end()).isEqualTo(Sam4lMemoryMap.RAM_START + Sam4lMemoryMap.RAM_SIZE);
    }

    @Test
    void isFoundByNameWithServiceLoader() {
        assertThat(Discovery.standard().boards()).extracting(f -> f.value().name()).contains("hail");
    }

    /** The key the kit looks a dependency up by: a list for {@code all}, named for a qualifier. */
    private static Key<?> keyOf(HilDependency<?> dependency) {
        java.lang.reflect.Type type = dependency.all() ? Types.listOf(dependency.type()) : dependency.type();
        return dependency.qualifier().isEmpty() ? Key.get(type) : Key.get(type, Names.named(dependency.qualifier()));
    }
}
