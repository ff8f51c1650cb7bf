package org.tock4j.apps;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Alarm;
import org.tock4j.userland.libtock.Leds;
import org.tock4j.userland.libtock.Libtock;

/**
 * Counts in binary on the board's LEDs forever: for {@code count} = 0, 1, 2, ... LED {@code i} is on exactly
 * when bit {@code i} of {@code count} is set, then the app sleeps {@value #STEP_MS} ms on the alarm.
 *
 * <p>libtock-c counterpart: {@code examples/blink}.
 */
public final class Blink implements App {

    /** The time each count is shown. */
    public static final int STEP_MS = 250;

    @Override
    public String name() {
        return "blink";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        Leds leds = tock.leds();
        Alarm alarm = tock.alarm();
        int ledCount = leds.count();
        for (int count = 0; ; count++) {
            for (int led = 0; led < ledCount; led++) {
                if (led < Integer.SIZE && (count & (1 << led)) != 0) {
                    leds.on(led);
                } else {
                    leds.off(led);
                }
            }
            alarm.delayMs(STEP_MS);
        }
    }
}
