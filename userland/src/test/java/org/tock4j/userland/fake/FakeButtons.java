package org.tock4j.userland.fake;

import org.tock4j.userland.Registers;

/**
 * A button capsule (driver 3) scripted on a {@link ScriptedSyscalls}, with the commands of Tock's
 * {@code button.rs}: 0 count (SuccessU32), 1 enable interrupts, 2 disable them, 3 read (SuccessU32 1/0), INVAL
 * for an index out of range. {@link #press} and {@link #release} change a button and, if its interrupts are
 * enabled, schedule upcall 0 {@code (index, pressed ? 1 : 0, 0)}, as the capsule does for a process that
 * enabled the button.
 */
public final class FakeButtons {

    private final ScriptedSyscalls sys;
    private final boolean[] pressed;
    private final boolean[] interruptEnabled;

    private FakeButtons(ScriptedSyscalls sys, int count) {
        this.sys = sys;
        this.pressed = new boolean[count];
        this.interruptEnabled = new boolean[count];
    }

    public static FakeButtons install(ScriptedSyscalls sys, int count) {
        FakeButtons buttons = new FakeButtons(sys, count);
        sys.onCommand(3, 0, call -> ScriptedSyscalls.successU32(count));
        sys.onCommand(3, 1, call -> buttons.setInterrupt(call.r2(), true));
        sys.onCommand(3, 2, call -> buttons.setInterrupt(call.r2(), false));
        sys.onCommand(3, 3, call -> buttons.read(call.r2()));
        return buttons;
    }

    /** Presses button {@code button}. */
    public FakeButtons press(int button) {
        return change(button, true);
    }

    /** Releases button {@code button}. */
    public FakeButtons release(int button) {
        return change(button, false);
    }

    /** Presses and releases button {@code button}. */
    public FakeButtons click(int button) {
        return press(button).release(button);
    }

    public boolean isInterruptEnabled(int button) {
        return interruptEnabled[button];
    }

    private FakeButtons change(int button, boolean down) {
        pressed[button] = down;
        if (interruptEnabled[button]) {
            sys.scheduleUpcall(3, 0, button, down ? 1 : 0, 0);
        }
        return this;
    }

    private Registers setInterrupt(int button, boolean enabled) {
        if (button < 0 || button >= pressed.length) {
            return ScriptedSyscalls.failure(6);
        }
        interruptEnabled[button] = enabled;
        return ScriptedSyscalls.success();
    }

    private Registers read(int button) {
        if (button < 0 || button >= pressed.length) {
            return ScriptedSyscalls.failure(6);
        }
        return ScriptedSyscalls.successU32(pressed[button] ? 1 : 0);
    }
}
