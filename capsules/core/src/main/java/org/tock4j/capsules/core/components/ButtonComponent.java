package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.button.Button;
import org.tock4j.capsules.core.button.ButtonPin;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "button"} capsule over every {@link ButtonPin} the board binds, in the board's order: a
 * grant with one upcall and no allows, and each pin's interrupt routed to the capsule with the pin's index.
 *
 * <p>Tock counterpart: {@code components::button::ButtonComponent}.
 */
public final class ButtonComponent implements CapsuleComponent {
    static final HilDependency<ButtonPin> BUTTONS = HilDependency.all(ButtonPin.class);

    @Override
    public String name() {
        return "button";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.BUTTON;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(BUTTONS);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        List<ButtonPin> pins = context.hils(BUTTONS);
        Button button = new Button(pins, context.createGrant(
                Button.GRANT_TYPE, Button.UPCALLS, Button.ALLOW_RO, Button.ALLOW_RW));
        // Tock's InterruptValueWrapper: each pin tells the capsule its index.
        for (int i = 0; i < pins.size(); i++) {
            int index = i;
            pins.get(i).pin().setClient(() -> button.fired(index));
        }
        return button;
    }
}
