package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.led.LedDriver;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.led.Led;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "led"} capsule over every {@link Led} the board binds, in the board's order. Like Tock's
 * driver it keeps no grant.
 *
 * <p>Tock counterpart: {@code components::led::LedsComponent}.
 */
public final class LedComponent implements CapsuleComponent {
    static final HilDependency<Led> LEDS = HilDependency.all(Led.class);

    @Override
    public String name() {
        return "led";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.LED;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(LEDS);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        return new LedDriver(context.hils(LEDS));
    }
}
