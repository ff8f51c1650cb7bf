package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioDevice;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * A peripheral's register interface behind its PM clock: while the clock is masked, writes are ignored and
 * reads return 0 (each logged once as a warning of the peripheral), as an APB peripheral without a clock
 * cannot latch anything.
 */
public final class GatedDevice implements MmioDevice {
    private final RegisterBank bank;
    private final PeripheralClock clock;

    public GatedDevice(RegisterBank bank, PeripheralClock clock) {
        this.bank = Objects.requireNonNull(bank, "bank");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return bank.name();
    }

    @Override
    public int read32(int address) {
        if (!clock.running()) {
            bank.warn("read while its clock is masked in the PM returns 0");
            return 0;
        }
        return bank.read32(address);
    }

    @Override
    public void write32(int address, int value) {
        if (!clock.running()) {
            bank.warn("write while its clock is masked in the PM is ignored");
            return;
        }
        bank.write32(address, value);
    }

    @Override
    public void unsupportedByteWrite(int address) {
        bank.unsupportedByteWrite(address);
    }
}
