package org.tock4j.capsules.core.testing;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;

/**
 * A hardware alarm on a counter of any width that only moves when a test advances it: one-shot, firing its
 * client when the counter reaches {@code reference + dt} (at once if that already passed).
 */
public final class FakeAlarm implements Alarm {
    private final int frequency;
    private Ticks now;
    private Ticks reference;
    private Ticks dt;
    private Ticks minimumDt;
    private boolean armed;
    private AlarmClient client;
    private int setCount;

    public FakeAlarm(int width, int frequency, long start) {
        this.frequency = frequency;
        this.now = Ticks.of(start, width);
        this.reference = now.withValue(0);
        this.dt = now.withValue(0);
        this.minimumDt = now.withValue(0);
    }

    public void minimumDt(long ticks) {
        minimumDt = now.withValue(ticks);
    }

    /** Moves the counter {@code ticks} forward, firing the alarm each time the counter reaches it. */
    public void advanceBy(long ticks) {
        long left = ticks;
        int fired = 0;
        while (armed) {
            Ticks end = reference.wrappingAdd(dt);
            long wait = now.withinRange(reference, end) ? end.wrappingSub(now).value() : 0;
            if (Long.compareUnsigned(wait, left) > 0) {
                break;
            }
            now = now.wrappingAdd(now.withValue(wait));
            left -= wait;
            fire();
            if (++fired > 10_000) {
                throw new IllegalStateException("alarm keeps firing without time passing");
            }
        }
        now = now.wrappingAdd(now.withValue(left));
    }

    /** Fires the armed alarm {@code latency} ticks late, as an interrupt served late; whether it is armed again. */
    public boolean fireLate(long latency) {
        if (!armed) {
            return false;
        }
        now = reference.wrappingAdd(dt).wrappingAdd(now.withValue(latency));
        fire();
        return armed;
    }

    private void fire() {
        armed = false;
        if (client != null) {
            client.alarm();
        }
    }

    /** How many times the alarm was set. */
    public int setCount() {
        return setCount;
    }

    @Override
    public int frequency() {
        return frequency;
    }

    @Override
    public Ticks now() {
        return now;
    }

    @Override
    public void setAlarmClient(AlarmClient client) {
        this.client = client;
    }

    @Override
    public void setAlarm(Ticks reference, Ticks dt) {
        this.reference = reference;
        this.dt = dt.compareTo(minimumDt) < 0 ? minimumDt : dt;
        this.armed = true;
        setCount++;
    }

    @Override
    public Ticks getAlarm() {
        return reference.wrappingAdd(dt);
    }

    @Override
    public Result<Void, ErrorCode> disarm() {
        armed = false;
        return Result.ok();
    }

    @Override
    public boolean isArmed() {
        return armed;
    }

    @Override
    public Ticks minimumDt() {
        return minimumDt;
    }
}
