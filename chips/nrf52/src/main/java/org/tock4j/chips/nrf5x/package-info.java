/**
 * Tock's drivers shared by the nRF5x family: the RTC alarm, the TIMER (as an alarm and as a plain timer),
 * the GPIO pins with their GPIOTE interrupts, the RNG and the TEMP sensor.
 *
 * <pre>{@code
 * Rtc rtc = chip.rtc1();
 * rtc.start();
 * rtc.setAlarm(rtc.now(), rtc.ticksFromMs(100));
 * GpioPin button = chip.gpioPin(0, 11);
 * button.makeInput();
 * button.setFloatingState(FloatingState.PullUp);
 * button.setClient(() -> ...);
 * button.enableInterrupts(InterruptEdge.FallingEdge);   // a GPIOTE channel
 * chip.temp().readTemperature();                        // hundredths of °C to the client
 * }</pre>
 */
package org.tock4j.chips.nrf5x;
