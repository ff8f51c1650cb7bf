package org.tock4j.chips.nrf52;

/**
 * Told of POWER events (USB plugged in, removed, its regulator ready).
 *
 * <p>Tock counterpart: {@code nrf52::power::PowerClient}.
 */
@FunctionalInterface
public interface PowerClient {
    void handlePowerEvent(PowerEvent event);
}
