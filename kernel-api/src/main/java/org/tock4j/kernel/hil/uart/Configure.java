package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/** Configures a UART's line. Tock counterpart: {@code hil::uart::Configure}. */
public interface Configure {

    /** {@code OFF} if the hardware is unavailable, {@code INVAL} for parameters it cannot do. */
    Result<Void, ErrorCode> configure(Parameters params);
}
