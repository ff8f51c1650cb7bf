package org.tock4j.chips.nrf52;

import java.util.Objects;

import org.tock4j.chips.cortexm.InterruptService;
import org.tock4j.chips.nrf5x.GpioPort;

/**
 * The nRF52840's peripherals: the nRF52 ones plus its 48-pin GPIO port (with GPIOTE) and UARTE1. Interrupts
 * it does not handle itself go to the nRF52 layer.
 *
 * <p>Tock counterpart: {@code nrf52840::interrupt_service::Nrf52840DefaultPeripherals} (which has no UARTE1;
 * USBD and the 802.15.4 radio are not modelled).
 */
public final class Nrf52840DefaultPeripherals implements InterruptService {
    private final Nrf52DefaultPeripherals nrf52;
    private final GpioPort gpioPort;
    private final Uarte uarte1;

    public Nrf52840DefaultPeripherals(Nrf52DefaultPeripherals nrf52, GpioPort gpioPort, Uarte uarte1) {
        this.nrf52 = Objects.requireNonNull(nrf52, "nrf52");
        this.gpioPort = Objects.requireNonNull(gpioPort, "gpioPort");
        this.uarte1 = Objects.requireNonNull(uarte1, "uarte1");
    }

    public Nrf52DefaultPeripherals nrf52() {
        return nrf52;
    }

    public GpioPort gpioPort() {
        return gpioPort;
    }

    public Uarte uarte1() {
        return uarte1;
    }

    @Override
    public boolean serviceInterrupt(int interrupt) {
        switch (interrupt) {
            case org.tock4j.chips.nrf5x.PeripheralInterrupts.GPIOTE -> gpioPort.handleInterrupt();
            case Nrf52840Interrupts.UART1 -> uarte1.handleInterrupt();
            default -> {
                return nrf52.serviceInterrupt(interrupt);
            }
        }
        return true;
    }
}
