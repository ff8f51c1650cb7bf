package org.tock4j.kernel.component;

/**
 * Tock's driver numbers, grouped by range as in {@code capsules/core/src/driver.rs}.
 *
 * <pre>
 *   0x00000 ..      base (alarm, console, LED, button, GPIO, ADC, low-level debug, ...)
 *   0x10000         IPC
 *   0x30000 ..      kernel / process introspection
 *   0x40000 ..      cryptography (RNG 0x40001, ...)
 *   0x50000 ..      storage
 *   0x60000 ..      sensors (temperature 0x60000, ...)
 *   0x80000 ..      misc
 * </pre>
 */
public final class DriverNumber {
    private DriverNumber() {}

    public static final int ALARM = 0x00000;
    public static final int CONSOLE = 0x00001;
    public static final int LED = 0x00002;
    public static final int BUTTON = 0x00003;
    public static final int GPIO = 0x00004;
    public static final int ADC = 0x00005;
    public static final int LOW_LEVEL_DEBUG = 0x00008;
    public static final int IPC = 0x10000;
    public static final int RNG = 0x40001;
    public static final int TEMPERATURE = 0x60000;
}
