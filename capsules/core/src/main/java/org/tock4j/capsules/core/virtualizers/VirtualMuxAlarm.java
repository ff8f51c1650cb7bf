package org.tock4j.capsules.core.virtualizers;

import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;

/**
 * One of many alarms sharing a {@link MuxAlarm}'s hardware alarm; behaves as an alarm of its own.
 *
 * <pre>{@code
 * VirtualMuxAlarm alarm = new VirtualMuxAlarm(mux);
 * alarm.setup();                       // joins the mux; required before setAlarm
 * alarm.setAlarmClient(client);
 * alarm.setAlarm(alarm.now(), alarm.ticksFromMs(100));
 * }</pre>
 *
 * <p>An alarm further away than half the counter's range is split in two: first the part beyond half the
 * range, then half the range, so that "has it passed?" stays decidable despite wrap-around and latency.
 *
 * <p>Tock counterpart: {@code capsules_core::virtualizers::virtual_alarm::VirtualMuxAlarm}.
 */
public final class VirtualMuxAlarm implements Alarm {
    private final MuxAlarm mux;
    private TickDtReference dtReference;
    private boolean armed;
    private boolean joined;
    private AlarmClient client;

    /** The mux's list link (Tock's {@code ListLink}). */
    VirtualMuxAlarm next;

    public VirtualMuxAlarm(MuxAlarm mux) {
        this.mux = Objects.requireNonNull(mux, "mux");
    }

    /** Joins the mux's list of virtual alarms; call once, right after construction. */
    public void setup() {
        if (joined) {
            throw new IllegalStateException("VirtualMuxAlarm.setup() called twice");
        }
        joined = true;
        mux.pushHead(this);
    }

    @Override
    public int frequency() {
        return mux.hardware().frequency();
    }

    @Override
    public Ticks now() {
        return mux.hardware().now();
    }

    @Override
    public void setAlarmClient(AlarmClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, ErrorCode> disarm() {
        if (!armed) {
            return Result.ok();
        }
        armed = false;
        if (mux.decrementEnabled() == 0) {
            // As in Tock: the hardware is disarmed directly; the mux's remembered next expiry stays.
            mux.hardware().disarm();
        }
        return Result.ok();
    }

    @Override
    public boolean isArmed() {
        return armed;
    }

    @Override
    public void setAlarm(Ticks reference, Ticks dt) {
        if (!joined) {
            throw new IllegalStateException("VirtualMuxAlarm.setAlarm before setup(): the alarm would never fire");
        }
        int enabled = mux.enabled();
        Ticks halfMax = dt.halfMaxValue();
        dtReference = dt.compareTo(halfMax.wrappingAdd(minimumDt())) > 0
                ? new TickDtReference(reference, dt.wrappingSub(halfMax), true)
                : new TickDtReference(reference, dt, false);
        Ticks firstDt = dtReference.dt();

        if (!armed) {
            mux.incrementEnabled();
            armed = true;
        }

        if (enabled == 0) {
            mux.setAlarm(reference, firstDt);
        } else if (!mux.firing()) {
            // While firing, the mux picks the earliest alarm itself once every client has run. Otherwise this
            // alarm replaces the hardware's when the hardware's expiry lies outside [reference, expiration)
            // and the mux's current expiry has not passed yet.
            Ticks currentAlarm = mux.hardware().getAlarm();
            Ticks now = mux.hardware().now();
            Ticks expiration = reference.wrappingAdd(firstDt);
            if (!currentAlarm.withinRange(reference, expiration) && mux.nextExpiryPendingAt(now)) {
                mux.setAlarm(reference, firstDt);
            }
        }
    }

    /** When the alarm fires; 0 if it was never set. */
    @Override
    public Ticks getAlarm() {
        if (dtReference == null) {
            return now().withValue(0);
        }
        Ticks end = dtReference.referencePlusDt();
        return dtReference.extended() ? end.wrappingAdd(end.halfMaxValue()) : end;
    }

    @Override
    public Ticks minimumDt() {
        return mux.hardware().minimumDt();
    }

    TickDtReference dtReference() {
        return dtReference;
    }

    void dtReference(TickDtReference value) {
        dtReference = value;
    }

    /** Marks this alarm expired (the mux has already counted it out) and tells its client. */
    void fire() {
        armed = false;
        if (client != null) {
            client.alarm();
        }
    }
}
