package org.tock4j.userland.fake;

import org.tock4j.userland.Registers;

/**
 * An alarm capsule (driver 0) scripted on a {@link ScriptedSyscalls}, with the commands of Tock's
 * {@code alarm.rs}. Time jumps: setting an alarm moves {@link #now()} to its expiration and schedules upcall 0
 * {@code (now, expiration, 0)} at once.
 */
public final class FakeAlarm {

    private final ScriptedSyscalls sys;
    private final int frequency;
    private int now;

    private FakeAlarm(ScriptedSyscalls sys, int frequency, int start) {
        this.sys = sys;
        this.frequency = frequency;
        this.now = start;
    }

    /** Installs an alarm ticking at {@code frequency} Hz (unsigned) whose counter starts at {@code start}. */
    public static FakeAlarm install(ScriptedSyscalls sys, int frequency, int start) {
        FakeAlarm alarm = new FakeAlarm(sys, frequency, start);
        sys.onCommand(0, 0, call -> ScriptedSyscalls.success());
        sys.onCommand(0, 1, call -> ScriptedSyscalls.successU32(alarm.frequency));
        sys.onCommand(0, 2, call -> ScriptedSyscalls.successU32(alarm.now));
        sys.onCommand(0, 3, call -> alarm.stop());
        sys.onCommand(0, 5, call -> alarm.fireAt(alarm.now + call.r2()));
        sys.onCommand(0, 6, call -> alarm.fireAt(call.r2() + call.r3()));
        return alarm;
    }

    public int now() {
        return now;
    }

    private Registers fireAt(int expiration) {
        now = expiration;
        sys.scheduleUpcall(0, 0, now, expiration, 0);
        return ScriptedSyscalls.successU32(expiration);
    }

    /** Alarms fire as they are set, so there is never one to stop: ALREADY, as Tock answers then. */
    private Registers stop() {
        return ScriptedSyscalls.failure(3);
    }
}
