/**
 * The time HIL: counters with a frequency and a width, and alarms on them.
 *
 * <pre>{@code
 * alarm.setAlarmClient(this);
 * alarm.setAlarm(alarm.now(), alarm.ticksFromMs(250));
 * }</pre>
 */
package org.tock4j.kernel.hil.time;
