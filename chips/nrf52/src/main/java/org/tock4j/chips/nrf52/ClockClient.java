package org.tock4j.chips.nrf52;

/**
 * Told of a CLOCK event (a clock started) whose interrupt the driver enabled.
 *
 * <p>Tock counterpart: {@code nrf52::clock::ClockClient}.
 */
@FunctionalInterface
public interface ClockClient {
    void event();
}
