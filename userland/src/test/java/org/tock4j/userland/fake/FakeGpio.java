package org.tock4j.userland.fake;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.tock4j.userland.Registers;

/**
 * A GPIO capsule (driver 4) scripted on a {@link ScriptedSyscalls}, with the commands of Tock's {@code gpio.rs}:
 * 0 exists, 1 output, 2 set, 3 clear, 4 toggle, 5 input with pull (arg 1: 0 none, 1 up, 2 down), 6 read
 * (SuccessU32 level), 7 interrupt on edge (arg 1: 0 either, 1 rising, 2 falling), 8 disable interrupt, 9
 * disable, 10 count (SuccessU32). Commands 1 to 9 answer INVAL for a pin not below the count and NODEVICE for
 * an {@link #leaveEmpty empty} one; an unknown pull or edge is NOSUPPORT. {@link #drive} changes an input's
 * level from outside and, if its interrupt edge matches, schedules upcall 0 {@code (pin, level, 0)}.
 */
public final class FakeGpio {

    /** A pin's configuration. */
    public enum Mode {
        DISABLED,
        OUTPUT,
        INPUT
    }

    private static final int NO_INTERRUPT = -1;

    private final ScriptedSyscalls sys;
    private final int count;
    private final Set<Integer> empty = new HashSet<>();
    private final Mode[] modes;
    private final boolean[] levels;
    private final int[] pulls;
    private final int[] edges;

    private FakeGpio(ScriptedSyscalls sys, int count) {
        this.sys = sys;
        this.count = count;
        this.modes = new Mode[count];
        this.levels = new boolean[count];
        this.pulls = new int[count];
        this.edges = new int[count];
        Arrays.fill(modes, Mode.DISABLED);
        Arrays.fill(edges, NO_INTERRUPT);
    }

    public static FakeGpio install(ScriptedSyscalls sys, int count) {
        FakeGpio gpio = new FakeGpio(sys, count);
        sys.onCommand(4, 0, call -> ScriptedSyscalls.success());
        sys.onCommand(4, 1, call -> gpio.onPin(call, pin -> gpio.modes[pin] = Mode.OUTPUT));
        sys.onCommand(4, 2, call -> gpio.onPin(call, pin -> gpio.levels[pin] = true));
        sys.onCommand(4, 3, call -> gpio.onPin(call, pin -> gpio.levels[pin] = false));
        sys.onCommand(4, 4, call -> gpio.onPin(call, pin -> gpio.levels[pin] = !gpio.levels[pin]));
        sys.onCommand(4, 5, call -> gpio.enableInput(call));
        sys.onCommand(4, 6, call -> gpio.read(call));
        sys.onCommand(4, 7, call -> gpio.enableInterrupt(call));
        sys.onCommand(4, 8, call -> gpio.onPin(call, pin -> {
            gpio.edges[pin] = NO_INTERRUPT;
            gpio.modes[pin] = Mode.DISABLED;
        }));
        sys.onCommand(4, 9, call -> gpio.onPin(call, pin -> gpio.modes[pin] = Mode.DISABLED));
        sys.onCommand(4, 10, call -> ScriptedSyscalls.successU32(count));
        return gpio;
    }

    /** Makes GPIO number {@code pin} empty, as a board that maps no pin there. */
    public FakeGpio leaveEmpty(int pin) {
        empty.add(pin);
        return this;
    }

    /** Drives input {@code pin} to {@code high} from outside; interrupts as its edge says. */
    public FakeGpio drive(int pin, boolean high) {
        boolean before = levels[pin];
        levels[pin] = high;
        int edge = edges[pin];
        boolean fires = before != high
                && (edge == 0 || (edge == 1 && high) || (edge == 2 && !high));
        if (fires) {
            sys.scheduleUpcall(4, 0, pin, high ? 1 : 0, 0);
        }
        return this;
    }

    public Mode mode(int pin) {
        return modes[pin];
    }

    public boolean isHigh(int pin) {
        return levels[pin];
    }

    /** The pull of the last enable-input: 0 none, 1 up, 2 down. */
    public int pull(int pin) {
        return pulls[pin];
    }

    /** The interrupt edge: 0 either, 1 rising, 2 falling, -1 none. */
    public int interruptEdge(int pin) {
        return edges[pin];
    }

    @FunctionalInterface
    private interface PinAction {
        void apply(int pin);
    }

    /** INVAL for a pin out of range, NODEVICE for an empty one, else {@code null}. */
    private Registers refusal(int pin) {
        if (pin < 0 || pin >= count) {
            return ScriptedSyscalls.failure(6);
        }
        if (empty.contains(pin)) {
            return ScriptedSyscalls.failure(11);
        }
        return null;
    }

    private Registers onPin(Syscall call, PinAction action) {
        Registers refusal = refusal(call.r2());
        if (refusal != null) {
            return refusal;
        }
        action.apply(call.r2());
        return ScriptedSyscalls.success();
    }

    /** As the capsule: the pin becomes an input first, then an unknown pull is NOSUPPORT. */
    private Registers enableInput(Syscall call) {
        Registers refusal = refusal(call.r2());
        if (refusal != null) {
            return refusal;
        }
        modes[call.r2()] = Mode.INPUT;
        int pull = call.r3();
        if (pull < 0 || pull > 2) {
            return ScriptedSyscalls.failure(10);
        }
        pulls[call.r2()] = pull;
        return ScriptedSyscalls.success();
    }

    private Registers read(Syscall call) {
        Registers refusal = refusal(call.r2());
        return refusal != null ? refusal : ScriptedSyscalls.successU32(levels[call.r2()] ? 1 : 0);
    }

    private Registers enableInterrupt(Syscall call) {
        Registers refusal = refusal(call.r2());
        if (refusal != null) {
            return refusal;
        }
        int edge = call.r3();
        if (edge < 0 || edge > 2) {
            return ScriptedSyscalls.failure(10);
        }
        edges[call.r2()] = edge;
        return ScriptedSyscalls.success();
    }
}
