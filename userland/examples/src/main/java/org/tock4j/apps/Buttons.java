package org.tock4j.apps;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Leds;
import org.tock4j.userland.libtock.Libtock;

/**
 * Toggles LED {@code i} on each press of button {@code i}: subscribes to the buttons, enables the interrupts of
 * every button, and returns; the process then yields forever and the callback does the rest. Releases, and
 * presses of a button without an LED of the same index, change nothing.
 *
 * <p>libtock-c counterpart: {@code examples/buttons}.
 */
public final class Buttons implements App {

    @Override
    public String name() {
        return "buttons";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        Leds leds = tock.leds();
        int ledCount = leds.count();
        var buttons = tock.buttons();
        buttons.onPress((button, pressed) -> {
            if (pressed && button >= 0 && button < ledCount) {
                leds.toggle(button);
            }
        });
        int buttonCount = buttons.count();
        for (int button = 0; button < buttonCount; button++) {
            buttons.enableInterrupt(button);
        }
    }
}
