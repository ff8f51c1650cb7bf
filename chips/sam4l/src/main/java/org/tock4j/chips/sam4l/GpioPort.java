package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.GpioPortModel.*;

import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * One GPIO port's 32 pins and the port interrupt, which calls the client of every pin whose flag is set and
 * enabled, lowest pin first, clearing each flag after its client ran.
 *
 * <pre>{@code
 * GpioPort pc = chip.peripherals().pc();
 * GpioPin led = pc.pin(22);            // imix's kernel LED
 * }</pre>
 *
 * <p>Tock counterpart: {@code sam4l::gpio::Port}.
 */
public final class GpioPort {
    private final MmioRegisters port;
    private final char letter;
    private final List<GpioPin> pins;

    GpioPort(PhysicalMemory bus, char letter, GpioInterruptCount interruptCount) {
        int index = letter - 'A';
        if (index < 0 || index > 2) {
            throw new IllegalArgumentException("the SAM4L has GPIO ports A, B and C, not " + letter);
        }
        this.port = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE + index * PORT_SIZE);
        this.letter = letter;
        GpioPin[] all = new GpioPin[32];
        for (int n = 0; n < 32; n++) {
            all[n] = new GpioPin(bus, letter, n, interruptCount);
        }
        this.pins = List.of(all);
    }

    public char letter() {
        return letter;
    }

    /** Pin {@code n} (Tock's {@code port[n]}). */
    public GpioPin pin(int n) {
        if (n < 0 || n >= 32) {
            throw new IllegalArgumentException("port " + letter + " has pins 0..31, not " + n);
        }
        return pins.get(n);
    }

    /** The port's interrupt (any of its four lines). */
    public void handleInterrupt() {
        // IFR bits count only where IER enables them.
        int fired = port.read(IFR) & port.read(IER);
        while (fired != 0) {
            int pin = Integer.numberOfTrailingZeros(fired);
            fired &= ~(1 << pin);
            pins.get(pin).handleInterrupt();
            port.write(IFR + CLEAR, 1 << pin);
        }
    }
}
