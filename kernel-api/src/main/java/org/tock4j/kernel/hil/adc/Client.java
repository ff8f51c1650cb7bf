package org.tock4j.kernel.hil.adc;

/** Receives ADC samples. Tock counterpart: {@code hil::adc::Client}. */
@FunctionalInterface
public interface Client {
    /** A sample, left-aligned in 16 bits. */
    void sampleReady(int sample);
}
