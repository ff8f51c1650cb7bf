package org.tock4j.chips.nrf52;

/** A POWER event. Tock counterpart: {@code nrf52::power::PowerEvent}. */
public enum PowerEvent {
    PowerFailure,
    EnterSleep,
    ExitSleep,
    UsbPluggedIn,
    UsbPluggedOut,
    UsbPowerReady
}
