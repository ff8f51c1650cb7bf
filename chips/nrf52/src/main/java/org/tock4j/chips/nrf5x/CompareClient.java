package org.tock4j.chips.nrf5x;

/**
 * Told which compare events of a TIMER fired.
 *
 * <p>Tock counterpart: {@code nrf5x::timer::CompareClient}.
 */
@FunctionalInterface
public interface CompareClient {

    /** {@code bitmask} has bit n set for each COMPARE[n] that fired. */
    void compare(int bitmask);
}
