package org.tock4j.kernel.hil.sensors;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** A temperature sensor, split-phase. Tock counterpart: {@code hil::sensors::TemperatureDriver}. */
public interface TemperatureDriver {
    void setClient(TemperatureClient client);

    /** Starts a reading; {@code BUSY} while one is in progress. */
    Result<Void, ErrorCode> readTemperature();
}
