package org.tock4j.kernel.hil.adc;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * An analog-to-digital converter; channels are numbered.
 *
 * <p>Tock counterpart: {@code hil::adc::Adc}.
 */
public interface Adc {
    /** One sample of {@code channel}. */
    Result<Void, ErrorCode> sample(int channel);

    /** Samples {@code channel} repeatedly at {@code frequency} Hz until stopped. */
    Result<Void, ErrorCode> sampleContinuous(int channel, int frequency);

    Result<Void, ErrorCode> stopSampling();

    int getResolutionBits();

    /** The reference voltage in millivolts, if known. */
    java.util.OptionalInt getVoltageReferenceMv();

    void setClient(Client client);
}
