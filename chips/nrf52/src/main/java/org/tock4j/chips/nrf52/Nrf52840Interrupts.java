package org.tock4j.chips.nrf52;

/**
 * The interrupt numbers the nRF52840 adds to the nRF52's ({@link org.tock4j.chips.nrf5x.PeripheralInterrupts}).
 *
 * <p>Tock counterpart: {@code nrf52840::peripheral_interrupts}.
 */
public final class Nrf52840Interrupts {
    public static final int USBD = 39;
    public static final int UART1 = 40;
    public static final int QSPI = 41;
    public static final int CRYPTOCELL = 42;
    public static final int PWM3 = 45;
    public static final int SPIM3 = 47;
    /** External interrupt lines of the nRF52840 (0..47). */
    public static final int LINES = 48;

    private Nrf52840Interrupts() {}
}
