package org.tock4j.chips.cortexm;

import java.util.Objects;
import java.util.OptionalInt;

import org.tock4j.chips.cortexm.hardware.NvicModel;
import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Tock's NVIC functions, programming the NVIC registers at {@code 0xE000E100} through the bus.
 *
 * <pre>{@code
 * nvic.enableAll();                          // at boot, as crt1::init does
 * OptionalInt next = nvic.nextPending();     // lowest number first
 * next.ifPresent(irq -> { service(irq); nvic.clearPending(irq); nvic.enable(irq); });
 * }</pre>
 *
 * <p>Tock counterpart: {@code cortexm::nvic} (its free functions, and {@code Nvic::enable/disable/clear_pending}
 * taking the interrupt number).
 */
public final class Nvic {
    private final MmioRegisters regs;

    public Nvic(PhysicalMemory bus) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), NvicModel.SCS_BASE);
    }

    /** How many 32-line register banks exist ({@code ICTR.INTLINESNUM + 1}). */
    public int numberOfNvicRegisters() {
        return (regs.read(NvicModel.ICTR) & 0xF) + 1;
    }

    public void clearAllPending() {
        for (int n = 0; n < numberOfNvicRegisters(); n++) {
            regs.write(NvicModel.ICPR + 4 * n, -1);
        }
    }

    public void enableAll() {
        for (int n = 0; n < numberOfNvicRegisters(); n++) {
            regs.write(NvicModel.ISER + 4 * n, -1);
        }
    }

    public void disableAll() {
        for (int n = 0; n < numberOfNvicRegisters(); n++) {
            regs.write(NvicModel.ICER + 4 * n, -1);
        }
    }

    /** The lowest-numbered pending interrupt, enabled or not; empty if none is pending. */
    public OptionalInt nextPending() {
        for (int n = 0; n < numberOfNvicRegisters(); n++) {
            int ispr = regs.read(NvicModel.ISPR + 4 * n);
            if (ispr != 0) {
                return OptionalInt.of(n * 32 + Integer.numberOfTrailingZeros(ispr));
            }
        }
        return OptionalInt.empty();
    }

    /** Whether any interrupt is pending (Tock's {@code has_pending}). */
    public boolean hasPending() {
        int any = 0;
        for (int n = 0; n < numberOfNvicRegisters(); n++) {
            any |= regs.read(NvicModel.ISPR + 4 * n);
        }
        return any != 0;
    }

    public void enable(int interrupt) {
        regs.write(NvicModel.ISER + 4 * (interrupt / 32), 1 << (interrupt & 31));
    }

    public void disable(int interrupt) {
        regs.write(NvicModel.ICER + 4 * (interrupt / 32), 1 << (interrupt & 31));
    }

    public void clearPending(int interrupt) {
        regs.write(NvicModel.ICPR + 4 * (interrupt / 32), 1 << (interrupt & 31));
    }

    public boolean isPending(int interrupt) {
        return regs.isSet(NvicModel.ISPR + 4 * (interrupt / 32), 1 << (interrupt & 31));
    }

    public boolean isEnabled(int interrupt) {
        return regs.isSet(NvicModel.ISER + 4 * (interrupt / 32), 1 << (interrupt & 31));
    }

    /** The stored priority byte of {@code interrupt}. */
    public int priority(int interrupt) {
        return (regs.read(NvicModel.IPR + 4 * (interrupt / 4)) >>> (8 * (interrupt & 3))) & 0xFF;
    }

    public void setPriority(int interrupt, int priority) {
        int shift = 8 * (interrupt & 3);
        regs.modify(NvicModel.IPR + 4 * (interrupt / 4), 0xFF << shift, (priority & 0xFF) << shift);
    }
}
