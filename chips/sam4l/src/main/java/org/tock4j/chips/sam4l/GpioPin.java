package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.GpioPortModel.*;

import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.hil.gpio.Client;
import org.tock4j.kernel.hil.gpio.Configuration;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * One SAM4L GPIO pin, through its port's set/clear/toggle registers, with edge interrupts.
 *
 * <pre>{@code
 * GpioPin button = chip.gpioPin('C', 24);
 * button.makeInput();
 * button.setFloatingState(FloatingState.PullUp);
 * button.setClient(() -> ...);                        // called from servicePendingInterrupts
 * button.enableInterrupts(InterruptEdge.FallingEdge);
 * }</pre>
 *
 * <p>One difference from Tock's driver: Tock's {@code configuration()} tests {@code GPER & mask == 1}, true
 * only for pin 0, so it reports every other pin as {@code Function}; this tests the pin's bit.
 *
 * <p>Tock counterpart: {@code sam4l::gpio::GPIOPin}.
 */
public final class GpioPin implements InterruptPin {
    private final MmioRegisters port;
    private final char portLetter;
    private final int pin;
    private final int pinMask;
    private final GpioInterruptCount interruptCount;
    private Client client;

    GpioPin(PhysicalMemory bus, char portLetter, int pin, GpioInterruptCount interruptCount) {
        int index = portLetter - 'A';
        if (index < 0 || index > 2) {
            throw new IllegalArgumentException("the SAM4L has GPIO ports A, B and C, not " + portLetter);
        }
        this.port = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE + index * PORT_SIZE);
        this.portLetter = portLetter;
        this.pin = Objects.checkIndex(pin, 32);
        this.pinMask = 1 << pin;
        this.interruptCount = interruptCount;
    }

    public char portLetter() {
        return portLetter;
    }

    public int pin() {
        return pin;
    }

    /** Gives the pin to {@code function}, or to the GPIO when empty (Tock's {@code Controller::configure}). */
    public void configure(Optional<PeripheralFunction> function) {
        function.ifPresentOrElse(this::selectPeripheral, this::enable);
    }

    /** Hands the pin to a peripheral function: GPER cleared, PMR2:PMR1:PMR0 = the function's number. */
    public void selectPeripheral(PeripheralFunction function) {
        int f = function.ordinal();
        port.write(GPER + CLEAR, pinMask);
        port.write(PMR0 + ((f & 0b001) != 0 ? SET : CLEAR), pinMask);
        port.write(PMR1 + ((f & 0b010) != 0 ? SET : CLEAR), pinMask);
        port.write(PMR2 + ((f & 0b100) != 0 ? SET : CLEAR), pinMask);
    }

    /** Gives the pin to the GPIO controller (GPER). */
    public void enable() {
        port.write(GPER + SET, pinMask);
    }

    public void disable() {
        port.write(GPER + CLEAR, pinMask);
    }

    public void enableOutput() {
        port.write(ODER + SET, pinMask);
    }

    public void enablePullDown() {
        port.write(PDER + SET, pinMask);
    }

    public void disablePullDown() {
        port.write(PDER + CLEAR, pinMask);
    }

    public void enablePullUp() {
        port.write(PUER + SET, pinMask);
    }

    public void disablePullUp() {
        port.write(PUER + CLEAR, pinMask);
    }

    /** IMR1:IMR0 = {@code mode}: 0 either edge, 1 rising, 2 falling. */
    public void setInterruptMode(int mode) {
        port.write(IMR0 + ((mode & 0b01) != 0 ? SET : CLEAR), pinMask);
        port.write(IMR1 + ((mode & 0b10) != 0 ? SET : CLEAR), pinMask);
    }

    public void enableInterrupt() {
        if ((port.read(IER) & pinMask) == 0) {
            interruptCount.increment();
            port.write(IER + SET, pinMask);
        }
    }

    public void disableInterrupt() {
        if ((port.read(IER) & pinMask) != 0) {
            interruptCount.decrement();
            port.write(IER + CLEAR, pinMask);
        }
    }

    /** The pin's part of the port interrupt: calls the client. */
    public void handleInterrupt() {
        if (client != null) {
            client.fired();
        }
    }

    public void disableSchmittTrigger() {
        port.write(STER + CLEAR, pinMask);
    }

    public void enableSchmittTrigger() {
        port.write(STER + SET, pinMask);
    }

    // ---- Configure ----

    @Override
    public void setFloatingState(FloatingState state) {
        switch (state) {
            case PullUp -> {
                disablePullDown();
                enablePullUp();
            }
            case PullDown -> {
                disablePullUp();
                enablePullDown();
            }
            case PullNone -> {
                disablePullUp();
                disablePullDown();
            }
        }
    }

    @Override
    public FloatingState floatingState() {
        boolean down = (port.read(PDER) & pinMask) != 0;
        boolean up = (port.read(PUER) & pinMask) != 0;
        return down ? FloatingState.PullDown : up ? FloatingState.PullUp : FloatingState.PullNone;
    }

    @Override
    public void deactivateToLowPower() {
        disable();
    }

    @Override
    public Configuration makeOutput() {
        enable();
        enableOutput();
        disableSchmittTrigger();
        return Configuration.Output;
    }

    @Override
    public Configuration makeInput() {
        enable();
        port.write(ODER + CLEAR, pinMask);
        enableSchmittTrigger();
        return Configuration.Input;
    }

    @Override
    public Configuration disableOutput() {
        port.write(ODER + CLEAR, pinMask);
        return configuration();
    }

    @Override
    public Configuration disableInput() {
        return configuration();
    }

    /** As Tock: a pin the GPIO controls reads as an input. */
    @Override
    public boolean isInput() {
        return (port.read(GPER) & pinMask) != 0;
    }

    @Override
    public boolean isOutput() {
        return (port.read(ODER) & pinMask) != 0;
    }

    @Override
    public Configuration configuration() {
        boolean gpio = (port.read(GPER) & pinMask) != 0;
        boolean input = isInput();
        boolean output = isOutput();
        if (!gpio) {
            return Configuration.Function;
        }
        if (input && output) {
            return Configuration.InputOutput;
        }
        if (input) {
            return Configuration.Input;
        }
        return output ? Configuration.Output : Configuration.Other;
    }

    // ---- Input / Output ----

    @Override
    public boolean read() {
        return (port.read(PVR) & pinMask) != 0;
    }

    @Override
    public boolean toggle() {
        port.write(OVR + TOGGLE, pinMask);
        return read();
    }

    @Override
    public void set() {
        port.write(OVR + SET, pinMask);
    }

    @Override
    public void clear() {
        port.write(OVR + CLEAR, pinMask);
    }

    // ---- Interrupt ----

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void enableInterrupts(InterruptEdge mode) {
        int bits = switch (mode) {
            case EitherEdge -> 0b00;
            case RisingEdge -> 0b01;
            case FallingEdge -> 0b10;
        };
        setInterruptMode(bits);
        enableInterrupt();
    }

    @Override
    public void disableInterrupts() {
        disableInterrupt();
    }

    /** Whether the pin's interrupt flag (IFR) is set. */
    @Override
    public boolean isPending() {
        return (port.read(IFR) & pinMask) != 0;
    }

    @Override
    public String toString() {
        return String.format("GpioPin[P%c%02d]", portLetter, pin);
    }
}
