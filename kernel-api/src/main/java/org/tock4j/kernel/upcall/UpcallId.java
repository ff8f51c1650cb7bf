package org.tock4j.kernel.upcall;

/**
 * Identifies an upcall: the driver that schedules it and the subscribe number within that driver.
 *
 * <p>Tock counterpart: {@code kernel::upcall::UpcallId}.
 */
public record UpcallId(int driverNum, int subscribeNum) {
    @Override
    public String toString() {
        return "UpcallId(0x" + Integer.toHexString(driverNum) + ", " + Integer.toUnsignedString(subscribeNum) + ")";
    }
}
