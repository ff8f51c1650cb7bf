package org.tock4j.chips.nrf52;

import java.util.Objects;

import org.tock4j.chips.cortexm.InterruptService;
import org.tock4j.chips.nrf5x.GpioPort;

/**
 * The nRF52840's peripherals: the nRF52 ones plus its 48-pin GPIO port. Interrupts it does not handle
 * itself go to the nRF52 layer.
 *
 * <p>Tock counterpart: {@code nrf52840::interrupt_service::Nrf52840DefaultPeripherals}.
 */
public final class Nrf52840DefaultPeripherals implements InterruptService {
    private final Nrf52DefaultPeripherals nrf52;
    private final GpioPort gpioPort;

    public Nrf52840DefaultPeripherals(Nrf52DefaultPeripherals nrf52, GpioPort gpioPort) {
        this.nrf52 = Objects.requireNonNull(nrf52, "nrf52");
        this.gpioPort = Objects.requireNonNull(gpioPort, "gpioPort");
    }

    public Nrf52DefaultPeripherals nrf52() {
        return nrf52;
    }

    public GpioPort gpioPort() {
        return gpioPort;
    }

    @Override
    public boolean serviceInterrupt(int interrupt) {
        // USBD, GPIOTE and the 802.15.4 radio are handled here in Tock; none is modelled yet.
        return nrf52.serviceInterrupt(interrupt);
    }
}
