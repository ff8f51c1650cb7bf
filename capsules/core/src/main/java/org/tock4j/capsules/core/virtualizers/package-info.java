/**
 * Virtualizers: many users on one alarm or one UART, as boards build them.
 *
 * <pre>{@code
 * MuxAlarm alarmMux = new MuxAlarm(rtc);
 * rtc.setAlarmClient(alarmMux);
 *
 * MuxUart uartMux = new MuxUart(uarte0, 115_200, deferredCalls);
 * uartMux.register();
 * uartMux.initialize();
 * uarte0.setTransmitClient(uartMux);
 * uarte0.setReceiveClient(uartMux);
 * // bind alarmMux and uartMux; the alarm and console components take their virtual devices from them
 * }</pre>
 */
package org.tock4j.capsules.core.virtualizers;
