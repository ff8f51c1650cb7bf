package org.tock4j.chips.nrf5x;

/**
 * The nRF5x/nRF52 interrupt numbers (NVIC lines), as Tock numbers them.
 *
 * <p>Tock counterpart: {@code nrf5x::peripheral_interrupts} (with the {@code nrf52} feature).
 */
public final class PeripheralInterrupts {
    public static final int POWER_CLOCK = 0;
    public static final int RADIO = 1;
    public static final int UART0 = 2;
    public static final int SPI0_TWI0 = 3;
    public static final int SPI1_TWI1 = 4;
    public static final int NFCT = 5;
    public static final int GPIOTE = 6;
    public static final int ADC = 7;
    public static final int TIMER0 = 8;
    public static final int TIMER1 = 9;
    public static final int TIMER2 = 10;
    public static final int RTC0 = 11;
    public static final int TEMP = 12;
    public static final int RNG = 13;
    public static final int ECB = 14;
    public static final int CCM_AAR = 15;
    public static final int WDT = 16;
    public static final int RTC1 = 17;
    public static final int QDEC = 18;
    public static final int COMP = 19;
    public static final int LPCOMP = 19;
    public static final int SWI0 = 20;
    public static final int SWI1 = 21;
    public static final int SWI2 = 22;
    public static final int SWI3 = 23;
    public static final int SWI4 = 24;
    public static final int SWI5 = 25;
    public static final int TIMER3 = 26;
    public static final int TIMER4 = 27;
    public static final int PWM0 = 28;
    public static final int PDM = 29;
    public static final int MWU = 32;
    public static final int PWM1 = 33;
    public static final int PWM2 = 34;
    public static final int SPIM2_SPIS2_SPI2 = 35;
    public static final int RTC2 = 36;
    public static final int I2S = 37;
    public static final int FPU = 38;

    private PeripheralInterrupts() {}
}
