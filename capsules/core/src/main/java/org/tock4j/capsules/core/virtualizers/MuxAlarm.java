package org.tock4j.capsules.core.virtualizers;

import java.util.Objects;

import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.time.Ticks;

/**
 * Shares one hardware alarm among any number of {@link VirtualMuxAlarm}s: the hardware is always armed for
 * the earliest armed virtual alarm.
 *
 * <pre>{@code
 * MuxAlarm mux = new MuxAlarm(rtc);
 * rtc.setAlarmClient(mux);             // the hardware reports to the mux
 * }</pre>
 *
 * <p>When the hardware fires, every armed virtual alarm whose {@code [reference, reference + dt)} no longer
 * contains now fires, in list order (the most recently set-up first); clients may re-arm from their
 * callback. Then the hardware is re-armed for the armed alarm closest to now (an already-passed one counts
 * as 0 ticks away), or disarmed when none is armed.
 *
 * <p>Tock counterpart: {@code capsules_core::virtualizers::virtual_alarm::MuxAlarm}; a board builds it as
 * Tock's {@code MuxAlarmComponent} does.
 */
public final class MuxAlarm implements AlarmClient {
    private final Alarm alarm;
    private VirtualMuxAlarm head;
    private int enabled;
    private boolean firing;
    /** The reference and dt the hardware was last armed with by the mux (Tock's next_tick_vals). */
    private TickDtReference nextTickVals;

    public MuxAlarm(Alarm alarm) {
        this.alarm = Objects.requireNonNull(alarm, "alarm");
    }

    /** The hardware alarm has fired. */
    @Override
    public void alarm() {
        firing = true;
        for (VirtualMuxAlarm cur = head; cur != null; cur = cur.next) {
            if (!cur.isArmed()) {
                continue;
            }
            TickDtReference when = cur.dtReference();
            // Read now for each alarm: a client fired earlier in this loop may have taken long.
            if (!when.expiredAt(alarm.now())) {
                continue;
            }
            if (when.extended()) {
                cur.dtReference(new TickDtReference(when.referencePlusDt(), when.dt().halfMaxValue(), false));
            } else {
                enabled--;
                cur.fire();
            }
        }
        firing = false;

        Ticks now = alarm.now();
        VirtualMuxAlarm soonest = null;
        Ticks soonestRemaining = null;
        for (VirtualMuxAlarm cur = head; cur != null; cur = cur.next) {
            if (!cur.isArmed()) {
                continue;
            }
            TickDtReference when = cur.dtReference();
            Ticks remaining = when.expiredAt(now) ? now.withValue(0) : when.referencePlusDt().wrappingSub(now);
            if (soonestRemaining == null || remaining.compareTo(soonestRemaining) < 0) {
                soonest = cur;
                soonestRemaining = remaining;
            }
        }
        if (soonest != null) {
            setAlarm(soonest.dtReference().reference(), soonest.dtReference().dt());
        } else {
            disarm();
        }
    }

    void pushHead(VirtualMuxAlarm alarm) {
        alarm.next = head;
        head = alarm;
    }

    Alarm hardware() {
        return alarm;
    }

    int enabled() {
        return enabled;
    }

    void incrementEnabled() {
        enabled++;
    }

    int decrementEnabled() {
        return --enabled;
    }

    boolean firing() {
        return firing;
    }

    /** Whether the mux has no remembered expiry, or {@code now} is still before it. */
    boolean nextExpiryPendingAt(Ticks now) {
        return nextTickVals == null || !nextTickVals.expiredAt(now);
    }

    void setAlarm(Ticks reference, Ticks dt) {
        nextTickVals = new TickDtReference(reference, dt, false);
        alarm.setAlarm(reference, dt);
    }

    void disarm() {
        nextTickVals = null;
        alarm.disarm();
    }
}
