package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.BscifModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Tock's BSCIF functions: the 32 kHz RC oscillator (for the AST, the BPM and the DFLL) and the 1 MHz RC
 * oscillator.
 *
 * <p>Tock counterpart: the functions of {@code sam4l::bscif}.
 */
public final class Bscif {
    private final MmioRegisters regs;
    private final BusyWait spin;

    Bscif(PhysicalMemory bus, BusyWait spin) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    private void unlock(int offset) {
        regs.write(UNLOCK, 0xAA << 24 | offset);
    }

    /** Enables RC32K with its 32 kHz output, temperature compensated, and loads its calibration. */
    public void enableRc32k() {
        int v = regs.read(RC32KCR);
        unlock(RC32KCR);
        regs.write(RC32KCR, v | RC32KCR_EN32K | 1 << 1 | RC32KCR_EN);
        spin.until(() -> regs.isSet(RC32KCR, RC32KCR_EN), "RC32K to start");
        unlock(RC32KTUNE);
        regs.write(RC32KTUNE, 0x1D << 16 | 0x15);
    }

    public boolean rc32kEnabled() {
        return regs.isSet(RC32KCR, RC32KCR_EN);
    }

    public void setupRc1MHz() {
        int v = regs.read(RC1MCR);
        unlock(RC1MCR);
        regs.write(RC1MCR, v | RC1MCR_CLKOEN);
        spin.until(() -> regs.isSet(RC1MCR, RC1MCR_CLKOEN), "RC1M to start");
    }

    public void disableRc1MHz() {
        int v = regs.read(RC1MCR);
        unlock(RC1MCR);
        regs.write(RC1MCR, v & ~RC1MCR_CLKOEN);
        spin.until(() -> !regs.isSet(RC1MCR, RC1MCR_CLKOEN), "RC1M to stop");
    }
}
