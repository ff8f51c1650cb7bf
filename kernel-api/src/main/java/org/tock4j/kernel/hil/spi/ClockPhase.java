package org.tock4j.kernel.hil.spi;

/** SPI sampling edge. Tock counterpart: {@code hil::spi::ClockPhase}. */
public enum ClockPhase {
    SampleLeading,
    SampleTrailing
}
