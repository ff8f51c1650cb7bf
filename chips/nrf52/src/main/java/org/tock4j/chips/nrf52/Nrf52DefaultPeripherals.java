package org.tock4j.chips.nrf52;

import java.util.Objects;

import org.tock4j.chips.cortexm.InterruptService;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.chips.nrf5x.Rtc;

/**
 * The nRF52 peripherals every nRF52 chip has (so far UARTE0 and RTC1), and the interrupts they handle.
 *
 * <p>Tock counterpart: {@code nrf52::chip::Nrf52DefaultPeripherals}.
 */
public final class Nrf52DefaultPeripherals implements InterruptService {
    private final Uarte uarte0;
    private final Rtc rtc;

    public Nrf52DefaultPeripherals(Uarte uarte0, Rtc rtc) {
        this.uarte0 = Objects.requireNonNull(uarte0, "uarte0");
        this.rtc = Objects.requireNonNull(rtc, "rtc");
    }

    public Uarte uarte0() {
        return uarte0;
    }

    /** RTC1, the kernel's alarm. */
    public Rtc rtc() {
        return rtc;
    }

    @Override
    public boolean serviceInterrupt(int interrupt) {
        switch (interrupt) {
            case PeripheralInterrupts.UART0 -> uarte0.handleInterrupt();
            case PeripheralInterrupts.RTC1 -> rtc.handleInterrupt();
            default -> {
                return false;
            }
        }
        return true;
    }
}
