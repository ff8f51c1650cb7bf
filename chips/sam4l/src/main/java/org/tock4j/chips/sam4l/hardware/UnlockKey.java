package org.tock4j.chips.sam4l.hardware;

import java.util.function.Consumer;

/**
 * The write protection of the SAM4L's clock and power registers (PM, SCIF, BSCIF, BPM): writing
 * {@code 0xAA << 24 | offset} to UNLOCK lets the next write to the protected register at {@code offset}
 * through; a write to a protected register without it is an access error and is ignored.
 *
 * <p>Reads do not consume the key (Tock reads a mask register between unlocking and writing it).
 */
final class UnlockKey {
    static final int KEY = 0xAA;

    private final Consumer<String> accessError;
    private int unlocked = -1;

    /** @param accessError told of each refused write (sets the module's AE flag and warns) */
    UnlockKey(Consumer<String> accessError) {
        this.accessError = accessError;
    }

    void unlockWritten(int value) {
        if ((value >>> 24) == KEY) {
            unlocked = value & 0x3FF;
        } else {
            unlocked = -1;
            accessError.accept(String.format("UNLOCK written with key 0x%02X instead of 0xAA", value >>> 24));
        }
    }

    /** Consumes the key; whether the write to {@code offset} may proceed. */
    boolean permit(int offset, String register) {
        boolean ok = unlocked == offset;
        unlocked = -1;
        if (!ok) {
            accessError.accept("write to protected register " + register + " without UNLOCK is ignored");
        }
        return ok;
    }
}
