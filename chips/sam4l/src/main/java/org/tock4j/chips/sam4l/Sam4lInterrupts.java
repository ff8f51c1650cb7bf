package org.tock4j.chips.sam4l;

/**
 * The SAM4L's interrupt numbers (NVIC lines), as Tock names them.
 *
 * <p>Tock counterpart: {@code sam4l::nvic}.
 */
public final class Sam4lInterrupts {
    public static final int HFLASHC = 0;
    public static final int PDCA0 = 1;
    public static final int PDCA15 = 16;
    public static final int CRCCU = 17;
    public static final int USBC = 18;
    public static final int PEVCTR = 19;
    public static final int PEVCOV = 20;
    public static final int AESA = 21;
    public static final int PM = 22;
    public static final int SCIF = 23;
    public static final int FREQM = 24;
    public static final int GPIO0 = 25;
    public static final int GPIO11 = 36;
    public static final int BPM = 37;
    public static final int BSCIF = 38;
    public static final int ASTALARM = 39;
    public static final int ASTPER = 40;
    public static final int ASTOVF = 41;
    public static final int ASTREADY = 42;
    public static final int ASTCLKREADY = 43;
    public static final int WDT = 44;
    public static final int EIC1 = 45;
    public static final int EIC8 = 52;
    public static final int IISC = 53;
    public static final int SPI = 54;
    public static final int TC00 = 55;
    public static final int TC01 = 56;
    public static final int TC02 = 57;
    public static final int TC10 = 58;
    public static final int TC11 = 59;
    public static final int TC12 = 60;
    public static final int TWIM0 = 61;
    public static final int TWIS0 = 62;
    public static final int TWIM1 = 63;
    public static final int TWIS1 = 64;
    public static final int USART0 = 65;
    public static final int USART1 = 66;
    public static final int USART2 = 67;
    public static final int USART3 = 68;
    public static final int ADCIFE = 69;
    public static final int DACC = 70;
    public static final int ACIFC = 71;
    public static final int ABDACB = 72;
    public static final int TRNG = 73;
    public static final int PARC = 74;
    public static final int CATB = 75;
    public static final int TWIM2 = 77;
    public static final int TWIM3 = 78;
    public static final int LCDCA = 79;
    /** External interrupt lines of the SAM4L (0..79). */
    public static final int LINES = 80;

    /** PDCA channel {@code n}'s line. */
    public static int pdca(int n) {
        return PDCA0 + n;
    }

    /** GPIO line {@code n} (0–3 port A, 4–7 port B, 8–11 port C; 8 pins each). */
    public static int gpio(int n) {
        return GPIO0 + n;
    }

    /** The TWIM line of TWIM{@code n}. */
    public static int twim(int n) {
        return switch (n) {
            case 0 -> TWIM0;
            case 1 -> TWIM1;
            case 2 -> TWIM2;
            case 3 -> TWIM3;
            default -> throw new IllegalArgumentException("no TWIM" + n);
        };
    }

    private Sam4lInterrupts() {}
}
