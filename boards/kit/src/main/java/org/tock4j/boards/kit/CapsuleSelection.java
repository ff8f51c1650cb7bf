package org.tock4j.boards.kit;

/**
 * A capsule a board runs: the component's name and the driver number it answers at.
 *
 * <pre>{@code
 * CapsuleSelection.of("console", DriverNumber.CONSOLE)
 * }</pre>
 */
public record CapsuleSelection(String component, int driverNumber, boolean trusted) {
    public static CapsuleSelection of(String component, int driverNumber) {
        return new CapsuleSelection(component, driverNumber, false);
    }

    /** A capsule the board trusts with managing and starting processes (the process console, IPC). */
    public static CapsuleSelection trusted(String component, int driverNumber) {
        return new CapsuleSelection(component, driverNumber, true);
    }

    @Override
    public String toString() {
        return component + "@0x" + Integer.toHexString(driverNumber);
    }
}
