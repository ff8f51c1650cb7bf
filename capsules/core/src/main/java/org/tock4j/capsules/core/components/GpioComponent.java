package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.gpio.Gpio;
import org.tock4j.capsules.core.gpio.GpioPins;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "gpio"} capsule over the board's {@link GpioPins}: a grant with one upcall and no allows,
 * and each present pin's interrupt routed to the capsule with the pin's GPIO number.
 *
 * <p>Tock counterpart: {@code components::gpio::GpioComponent}.
 */
public final class GpioComponent implements CapsuleComponent {
    static final HilDependency<GpioPins> PINS = HilDependency.of(GpioPins.class);

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.GPIO;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(PINS);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        GpioPins pins = context.hil(PINS);
        Gpio gpio = new Gpio(pins, context.createGrant(Gpio.GRANT_TYPE, Gpio.UPCALLS, Gpio.ALLOW_RO, Gpio.ALLOW_RW));
        // Tock's InterruptValueWrapper: each pin tells the capsule its number.
        for (int i = 0; i < pins.count(); i++) {
            int pinNum = i;
            pins.pins().get(i).ifPresent(pin -> pin.setClient(() -> gpio.fired(pinNum)));
        }
        return gpio;
    }
}
