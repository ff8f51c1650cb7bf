package org.tock4j.chips.emulator;

/**
 * An access the bus cannot complete: nothing is mapped at the address, or a peripheral was accessed in a
 * way the bus does not allow (an unaligned word).
 *
 * <p>Tock counterpart: the Cortex-M BusFault (precise data bus error with BFAR holding the address).
 */
public final class BusFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int address;

    public BusFault(int address, String message) {
        super(String.format("bus fault at 0x%08X: %s", address, message));
        this.address = address;
    }

    /** The faulting address (32-bit unsigned, as BFAR reports it). */
    public int address() {
        return address;
    }
}
