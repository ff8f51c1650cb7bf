/**
 * Tock's drivers shared by the nRF5x family: the RTC alarm and the GPIO pins.
 *
 * <pre>{@code
 * Rtc rtc = chip.rtc1();
 * rtc.start();
 * rtc.setAlarm(rtc.now(), rtc.ticksFromMs(100));
 * GpioPin button = chip.gpioPin(0, 11);
 * button.makeInput();
 * button.setFloatingState(FloatingState.PullUp);
 * }</pre>
 */
package org.tock4j.chips.nrf5x;
