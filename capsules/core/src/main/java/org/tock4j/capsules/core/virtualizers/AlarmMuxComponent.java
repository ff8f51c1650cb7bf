package org.tock4j.capsules.core.virtualizers;

import org.tock4j.kernel.hil.time.Alarm;

/**
 * Puts a {@link MuxAlarm} on a board's hardware alarm and makes it the alarm's client; each user then takes a
 * {@link VirtualMuxAlarm} from it.
 *
 * <p>Tock counterpart: {@code components::alarm::AlarmMuxComponent}.
 */
public final class AlarmMuxComponent {

    private AlarmMuxComponent() {}

    public static MuxAlarm finalize(Alarm alarm) {
        MuxAlarm mux = new MuxAlarm(alarm);
        alarm.setAlarmClient(mux);
        return mux;
    }
}
