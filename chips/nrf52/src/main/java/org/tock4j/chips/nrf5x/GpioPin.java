package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.GpioPortModel.*;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.chips.nrf52.hardware.GpioteModel;
import org.tock4j.kernel.hil.gpio.Client;
import org.tock4j.kernel.hil.gpio.Configuration;
import org.tock4j.kernel.hil.gpio.FloatingState;
import org.tock4j.kernel.hil.gpio.InterruptEdge;
import org.tock4j.kernel.hil.gpio.InterruptPin;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * One GPIO pin of the nRF5x: direction, pulls and level through its port's OUTSET/OUTCLR/IN and PIN_CNF
 * registers, and edge interrupts through a GPIOTE channel.
 *
 * <pre>{@code
 * GpioPin led = chip.gpioPin(0, 13);
 * led.makeOutput();
 * led.clear();            // drives P0.13 low: the DK's LED1 lights
 *
 * GpioPin button = chip.gpioPin(0, 11);
 * button.makeInput();
 * button.setFloatingState(FloatingState.PullUp);
 * button.setClient(() -> ...);                        // called from the GPIOTE interrupt
 * button.enableInterrupts(InterruptEdge.FallingEdge);
 * }</pre>
 *
 * <p>As on the silicon, {@link #read()} reads IN, which is 0 for a pin whose input buffer is disconnected
 * (the reset state, kept by {@link #makeOutput()}); GPIOTE sees edges only of a connected input.
 *
 * <p>{@link #enableInterrupts} takes the first GPIOTE channel whose CONFIG.MODE is Disabled (a pin keeps its
 * channel, one edge mode at a time, as Tock's button driver expects); with all eight taken it logs and does
 * nothing, as Tock does. {@link #disableInterrupts()} gives the channel back.
 *
 * <p>Tock counterpart: {@code nrf5x::gpio::GPIOPin}.
 */
public final class GpioPin implements InterruptPin {
    private static final Logger LOG = System.getLogger(GpioPin.class.getName());
    /** Pins per port. */
    public static final int GPIO_PER_PORT = 32;
    /** Address distance between the ports' register blocks. */
    public static final int GPIO_SIZE = 0x300;
    public static final int GPIO_BASE_ADDRESS = 0x5000_0000;
    public static final int GPIOTE_BASE = 0x4000_6000;
    /** GPIOTE channels on the nRF52. */
    public static final int NUM_GPIOTE = GpioteModel.CHANNELS;

    private final MmioRegisters regs;
    private final MmioRegisters gpioteRegs;
    private final int pin;
    private final int port;
    private Client client;
    private int allocatedChannel = -1;

    /** Pin number {@code pinNumber} as Tock numbers them: P0.00 is 0, P1.00 is 32. */
    public GpioPin(PhysicalMemory bus, int pinNumber) {
        if (pinNumber < 0) {
            throw new IllegalArgumentException("negative pin number: " + pinNumber);
        }
        this.pin = pinNumber % GPIO_PER_PORT;
        this.port = pinNumber / GPIO_PER_PORT;
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), GPIO_BASE_ADDRESS + port * GPIO_SIZE);
        this.gpioteRegs = new MmioRegisters(bus, GPIOTE_BASE);
    }

    public int port() {
        return port;
    }

    public int pin() {
        return pin;
    }

    private int pinCnf() {
        return PIN_CNF + 4 * pin;
    }

    /** High drive for both levels (H0H1), or standard (S0S1). */
    public void setHighDrive(boolean highDrive) {
        regs.modify(pinCnf(), PIN_CNF_DRIVE_MASK, (highDrive ? DRIVE_H0H1 : DRIVE_S0S1) << PIN_CNF_DRIVE_SHIFT);
    }

    /** The configuration the TRM asks for I2C pins: input, buffer disconnected, S0D1, no sense. */
    public void setI2cPinCfg() {
        regs.modify(pinCnf(), PIN_CNF_DIR_OUTPUT | PIN_CNF_INPUT_DISCONNECT | PIN_CNF_DRIVE_MASK | PIN_CNF_SENSE_MASK,
                PIN_CNF_INPUT_DISCONNECT | DRIVE_S0D1 << PIN_CNF_DRIVE_SHIFT);
    }

    // ---- Configure ----

    @Override
    public void setFloatingState(FloatingState state) {
        int pull = switch (state) {
            case PullUp -> PULL_PULLUP;
            case PullDown -> PULL_PULLDOWN;
            case PullNone -> PULL_DISABLED;
        };
        // PIN_CNF also holds direction and drive: change only the pull.
        regs.modify(pinCnf(), PIN_CNF_PULL_MASK, pull << PIN_CNF_PULL_SHIFT);
    }

    @Override
    public FloatingState floatingState() {
        return switch ((regs.read(pinCnf()) & PIN_CNF_PULL_MASK) >>> PIN_CNF_PULL_SHIFT) {
            case PULL_PULLUP -> FloatingState.PullUp;
            case PULL_PULLDOWN -> FloatingState.PullDown;
            default -> FloatingState.PullNone;
        };
    }

    @Override
    public Configuration makeOutput() {
        regs.modify(pinCnf(), PIN_CNF_DIR_OUTPUT, PIN_CNF_DIR_OUTPUT);
        return Configuration.Output;
    }

    @Override
    public Configuration disableOutput() {
        return makeInput();
    }

    @Override
    public Configuration makeInput() {
        regs.modify(pinCnf(), PIN_CNF_DIR_OUTPUT | PIN_CNF_INPUT_DISCONNECT, 0);
        return Configuration.Input;
    }

    /** Pins here are inputs or outputs; "disabling" input would make it drive, so this changes nothing. */
    @Override
    public Configuration disableInput() {
        return configuration();
    }

    @Override
    public Configuration configuration() {
        int cnf = regs.read(pinCnf());
        boolean output = (cnf & PIN_CNF_DIR_OUTPUT) != 0;
        boolean connected = (cnf & PIN_CNF_INPUT_DISCONNECT) == 0;
        if (output) {
            return Configuration.Output;
        }
        return connected ? Configuration.Input : Configuration.LowPower;
    }

    @Override
    public void deactivateToLowPower() {
        regs.write(pinCnf(), PIN_CNF_INPUT_DISCONNECT | PULL_DISABLED << PIN_CNF_PULL_SHIFT);
    }

    // ---- Input / Output ----

    @Override
    public boolean read() {
        return (regs.read(IN) & (1 << pin)) != 0;
    }

    @Override
    public void set() {
        regs.write(OUTSET, 1 << pin);
    }

    @Override
    public void clear() {
        regs.write(OUTCLR, 1 << pin);
    }

    @Override
    public boolean toggle() {
        int result = (1 << pin) ^ regs.read(OUT);
        regs.write(OUT, result);
        return (result & (1 << pin)) != 0;
    }

    // ---- Interrupt ----

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Whether this pin's GPIOTE channel has an IN event waiting. */
    @Override
    public boolean isPending() {
        return allocatedChannel >= 0 && (gpioteRegs.read(GpioteModel.EVENTS_IN + 4 * allocatedChannel) & 1) != 0;
    }

    @Override
    public void enableInterrupts(InterruptEdge mode) {
        int channel = allocatedChannel >= 0 ? allocatedChannel : allocateChannel();
        if (channel < 0) {
            LOG.log(Level.WARNING, "No available GPIOTE interrupt channels");
            return;
        }
        allocatedChannel = channel;
        int polarity = switch (mode) {
            case EitherEdge -> GpioteModel.POLARITY_TOGGLE;
            case RisingEdge -> GpioteModel.POLARITY_LO_TO_HI;
            case FallingEdge -> GpioteModel.POLARITY_HI_TO_LO;
        };
        int pinNumber = GPIO_PER_PORT * port + pin;
        gpioteRegs.write(GpioteModel.CONFIG + 4 * channel, GpioteModel.MODE_EVENT
                | pinNumber << GpioteModel.CONFIG_PSEL_SHIFT | polarity << GpioteModel.CONFIG_POLARITY_SHIFT);
        gpioteRegs.write(GpioteModel.INTENSET, 1 << channel);
    }

    @Override
    public void disableInterrupts() {
        if (allocatedChannel >= 0) {
            gpioteRegs.write(GpioteModel.CONFIG + 4 * allocatedChannel, 0);
            gpioteRegs.write(GpioteModel.INTENCLR, 1 << allocatedChannel);
            allocatedChannel = -1;
        }
    }

    /** The first GPIOTE channel whose MODE is Disabled; -1 if none is. */
    private int allocateChannel() {
        for (int i = 0; i < NUM_GPIOTE; i++) {
            if ((gpioteRegs.read(GpioteModel.CONFIG + 4 * i) & GpioteModel.CONFIG_MODE_MASK)
                    == GpioteModel.MODE_DISABLED) {
                return i;
            }
        }
        return -1;
    }

    /** This pin's GPIOTE event fired: tells the client. */
    void handleInterrupt() {
        if (client != null) {
            client.fired();
        }
    }

    /** The GPIOTE registers (the port's interrupt handler reads them through any of its pins, as in Tock). */
    MmioRegisters gpioteRegisters() {
        return gpioteRegs;
    }

    @Override
    public String toString() {
        return "GpioPin[P" + port + "." + pin + "]";
    }
}
