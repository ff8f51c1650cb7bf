/**
 * Internal: the alarm capsule, one alarm per process on a virtual alarm.
 *
 * <pre>{@code
 * AlarmDriver driver = new AlarmDriver(virtualAlarm, grant);   // as AlarmComponent does
 * virtualAlarm.setAlarmClient(driver);
 * }</pre>
 */
package org.tock4j.capsules.core.alarm;
