package org.tock4j.kernel.hil.spi;

/** SPI clock idle level. Tock counterpart: {@code hil::spi::ClockPolarity}. */
public enum ClockPolarity {
    IdleLow,
    IdleHigh
}
