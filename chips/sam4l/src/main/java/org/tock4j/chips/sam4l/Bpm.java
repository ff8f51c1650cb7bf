package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.BpmModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * Tock's BPM functions: the source of the 32 kHz clock (CLK_32, the AST's) and the power scaling.
 *
 * <pre>{@code
 * chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);   // as imix and Hail do at boot
 * }</pre>
 *
 * <p>Tock counterpart: the functions of {@code sam4l::bpm}.
 */
public final class Bpm {

    /** Where CLK_32 comes from. Tock counterpart: {@code bpm::CK32Source}. */
    public enum Ck32Source {
        OSC32K,
        RC32K
    }

    /** Power scaling modes. Tock counterpart: {@code bpm::PowerScaling}. */
    public enum PowerScaling {
        PS0,
        PS1,
        PS2
    }

    private final MmioRegisters regs;
    private final BusyWait spin;

    Bpm(PhysicalMemory bus, BusyWait spin) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    private void unlock(int offset) {
        regs.write(UNLOCK, 0xAA << 24 | offset);
    }

    public void setCk32Source(Ck32Source source) {
        int control = regs.read(PMCON);
        unlock(PMCON);
        regs.write(PMCON, (control & ~PMCON_CK32S) | (source == Ck32Source.RC32K ? PMCON_CK32S : 0));
    }

    public void setPowerScaling(PowerScaling ps) {
        spin.until(() -> regs.isSet(SR, PSOK), "BPM SR.PSOK");
        int control = regs.read(PMCON);
        unlock(PMCON);
        regs.write(PMCON, (control & ~PMCON_PS_MASK) | ps.ordinal() | 1 << 3 | PMCON_PSCREQ);
    }
}
