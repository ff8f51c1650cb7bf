package org.tock4j.boards.kit;

import java.util.List;

import com.google.inject.Module;

/**
 * A board, found with {@link java.util.ServiceLoader}: its name and the Guice modules that wire it.
 *
 * <pre>{@code
 * public final class Nrf52840dkBoard implements BoardDefinition {
 *     public String name() { return "nrf52840dk"; }
 *     public String description() { return "Nordic nRF52840-DK"; }
 *     public List<Module> modules() { return List.of(new Nrf52840dkModule()); }
 * }
 * // module-info.java: provides org.tock4j.boards.kit.BoardDefinition with ...Nrf52840dkBoard;
 * }</pre>
 *
 * <p>The modules must bind: {@link org.tock4j.kernel.platform.Chip}, {@link org.tock4j.kernel.platform.SchedulerTimer},
 * {@link org.tock4j.chips.emulator.VirtualClock}, {@link BoardPlan}, {@link BoardWorld}, and every HIL the
 * plan's capsules declare. The kit binds {@link BoardSettings} and {@link org.tock4j.kernel.deferred.DeferredCalls}.
 */
public interface BoardDefinition {

    String name();

    String description();

    List<Module> modules();
}
