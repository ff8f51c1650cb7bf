package org.tock4j.chips.nrf52;

/**
 * How the chip is supplied: normal voltage mode (VDD and VDDH joined) or high voltage mode (VDDH only).
 *
 * <p>Tock counterpart: {@code nrf52::power::MainVoltage}.
 */
public enum MainVoltage {
    Normal,
    High
}
