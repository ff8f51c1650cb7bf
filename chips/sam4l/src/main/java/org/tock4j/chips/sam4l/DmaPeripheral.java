package org.tock4j.chips.sam4l;

/**
 * The peripherals the PDCA serves, with the identifier a channel's PSR takes.
 *
 * <p>Tock counterpart: {@code sam4l::dma::DMAPeripheral}.
 */
public enum DmaPeripheral {
    USART0_RX(0), USART1_RX(1), USART2_RX(2), USART3_RX(3), SPI_RX(4), TWIM0_RX(5), TWIM1_RX(6), TWIM2_RX(7),
    TWIM3_RX(8), TWIS0_RX(9), TWIS1_RX(10), ADCIFE_RX(11), CATB_RX(12), IISC_CH0_RX(14), IISC_CH1_RX(15),
    PARC_RX(16), AESA_RX(17), USART0_TX(18), USART1_TX(19), USART2_TX(20), USART3_TX(21), SPI_TX(22),
    TWIM0_TX(23), TWIM1_TX(24), TWIM2_TX(25), TWIM3_TX(26), TWIS0_TX(27), TWIS1_TX(28), ADCIFE_TX(29),
    CATB_TX(30), ABDACB_SDR0_TX(31), ABDACB_SDR1_TX(32), IISC_CH0_TX(33), IISC_CH1_TX(34), DACC_TX(35),
    AESA_TX(36), LCDCA_ACMDR_TX(37), LCDCA_ABMDR_TX(38);

    private final int id;

    DmaPeripheral(int id) {
        this.id = id;
    }

    /** The PSR value. */
    public int id() {
        return id;
    }

    /** Whether data flows from the peripheral into memory. */
    public boolean isReceive() {
        return id <= AESA_RX.id;
    }

    /** The peripheral with PSR value {@code id}. */
    public static DmaPeripheral fromId(int id) {
        for (DmaPeripheral p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new IllegalArgumentException("no PDCA peripheral " + id);
    }
}
