package org.tock4j.kernel.hil.sensors;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** Receives a temperature reading. Tock counterpart: {@code hil::sensors::TemperatureClient}. */
@FunctionalInterface
public interface TemperatureClient {
    /** The temperature in hundredths of a degree Celsius, or why it could not be read. */
    void callback(Result<Integer, ErrorCode> value);
}
