package org.tock4j.userland.fake;

import org.tock4j.userland.Registers;

/**
 * An LED capsule (driver 2) scripted on a {@link ScriptedSyscalls}, with the commands of Tock's {@code led.rs}:
 * 0 count (SuccessU32), 1 on, 2 off, 3 toggle, INVAL for an index out of range.
 */
public final class FakeLeds {

    private final boolean[] lit;

    private FakeLeds(int count) {
        this.lit = new boolean[count];
    }

    public static FakeLeds install(ScriptedSyscalls sys, int count) {
        FakeLeds leds = new FakeLeds(count);
        sys.onCommand(2, 0, call -> ScriptedSyscalls.successU32(count));
        sys.onCommand(2, 1, call -> leds.set(call.r2(), true));
        sys.onCommand(2, 2, call -> leds.set(call.r2(), false));
        sys.onCommand(2, 3, call -> leds.toggle(call.r2()));
        return leds;
    }

    public boolean isOn(int led) {
        return lit[led];
    }

    private Registers set(int led, boolean on) {
        if (led < 0 || led >= lit.length) {
            return ScriptedSyscalls.failure(6);
        }
        lit[led] = on;
        return ScriptedSyscalls.success();
    }

    private Registers toggle(int led) {
        if (led < 0 || led >= lit.length) {
            return ScriptedSyscalls.failure(6);
        }
        lit[led] = !lit[led];
        return ScriptedSyscalls.success();
    }
}
