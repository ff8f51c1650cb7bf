package org.tock4j.userland.fake;

import java.util.ArrayDeque;
import org.tock4j.userland.Registers;

/**
 * A temperature capsule (driver 0x60000) scripted on a {@link ScriptedSyscalls}, with the numbers of Tock's
 * {@code temperature.rs}: command 1 starts a reading, which completes at once with upcall 0
 * {@code (hundredths of °C, 0, 0)} from the {@link #willRead scripted} readings; with none left the reading
 * never completes, as a sensor whose readings fail.
 */
public final class FakeTemperature {

    private final ScriptedSyscalls sys;
    private final ArrayDeque<Integer> readings = new ArrayDeque<>();
    private int requests;

    private FakeTemperature(ScriptedSyscalls sys) {
        this.sys = sys;
    }

    public static FakeTemperature install(ScriptedSyscalls sys) {
        FakeTemperature temperature = new FakeTemperature(sys);
        sys.onCommand(0x60000, 0, call -> ScriptedSyscalls.success());
        sys.onCommand(0x60000, 1, call -> temperature.read());
        return temperature;
    }

    /** Queues readings, in hundredths of a degree Celsius. */
    public FakeTemperature willRead(int... hundredths) {
        for (int reading : hundredths) {
            readings.add(reading);
        }
        return this;
    }

    /** How many command 1 requests arrived. */
    public int requests() {
        return requests;
    }

    private Registers read() {
        requests++;
        if (!readings.isEmpty()) {
            sys.scheduleUpcall(0x60000, 0, readings.poll(), 0, 0);
        }
        return ScriptedSyscalls.success();
    }
}
