package org.tock4j.kernel.hil.uart;

import org.tock4j.kernel.ErrorCode;

/** A buffer handed back because a request could not start, with the reason. */
public record RejectedBuffer(ErrorCode error, byte[] buffer) {}
