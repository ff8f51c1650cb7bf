package org.tock4j.chips.sam4l;

/**
 * What a USART is used as. Tock counterpart: {@code sam4l::usart::UsartMode} (its {@code Spi} mode, the USART as
 * an SPI master, is not implemented here).
 */
public enum UsartMode {
    Uart,
    Unused
}
