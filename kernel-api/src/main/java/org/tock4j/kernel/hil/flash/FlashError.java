package org.tock4j.kernel.hil.flash;

/** Why a flash operation failed. Tock counterpart: {@code hil::flash::Error}. */
public enum FlashError {
    /** The operation failed. */
    FlashError,
    /** A memory-protection error (writing a protected region). */
    FlashMemoryProtectionError
}
