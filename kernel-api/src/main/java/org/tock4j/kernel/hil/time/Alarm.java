package org.tock4j.kernel.hil.time;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * A one-shot alarm on a counter: fires when the counter reaches {@code reference + dt}.
 *
 * <pre>
 *   setAlarm(reference, dt)      fires at reference + dt (wrapping), or as soon as possible if that is
 *   ──────|─────────────|────►   already past; dt below minimumDt() is raised to it
 *      reference     reference+dt
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::hil::time::Alarm}.
 */
public interface Alarm extends Time {

    void setAlarmClient(AlarmClient client);

    void setAlarm(Ticks reference, Ticks dt);

    /** When the alarm fires (or last fired). */
    Ticks getAlarm();

    Result<Void, ErrorCode> disarm();

    boolean isArmed();

    /** The smallest dt the hardware can honour reliably. */
    Ticks minimumDt();
}
