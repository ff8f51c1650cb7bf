package org.tock4j.chips.nrf52.hardware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioDevice;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * The address slot of peripherals sharing one ID (product specification 4.2, "Peripherals with shared ID"),
 * such as SPIM0 and TWIM0 at 0x40003000: one register window, one ENABLE register whose value selects which
 * peripheral is on, and the rule that only one may be enabled at a time.
 *
 * <ul>
 *   <li>ENABLE (0x500) holds the selecting value (6 TWIM, 7 SPIM, 0 none). Enabling one peripheral while
 *       another is enabled breaks the rule: the write is ignored with a warning (disable the first).</li>
 *   <li>While a peripheral is enabled, every other access goes to its registers. While none is, a write goes
 *       to every member that declares the register (the shared configuration lands in both) and a read comes
 *       from the member enabled last.</li>
 * </ul>
 *
 * <p>ENABLE values of peripherals not modelled here (SPI 1, SPIS 2, TWI 5, TWIS 9) are warned about and
 * stored; nothing then answers.
 */
public final class SharedInstanceSlot implements MmioDevice {
    public static final int ENABLE = 0x500;

    /** A peripheral of the slot. */
    public interface Member {
        RegisterBank registers();

        /** The ENABLE value that switches this peripheral on. */
        int enableValue();

        /** The slot switched this peripheral on or off. */
        void setEnabled(boolean enabled);
    }

    private final String name;
    private final int baseAddress;
    private final List<Member> members;
    private final RegisterBank slotRegisters;
    private int enable;
    private Member active;
    private Member lastEnabled;

    public SharedInstanceSlot(String name, int baseAddress, List<Member> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.baseAddress = baseAddress;
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException(name + ": a shared slot needs members");
        }
        this.lastEnabled = this.members.get(0);
        this.slotRegisters = new RegisterBank(name, baseAddress);
        slotRegisters.custom("ENABLE", ENABLE, 0, () -> enable, this::writeEnable);
    }

    @Override
    public String name() {
        return name;
    }

    public int baseAddress() {
        return baseAddress;
    }

    /** The register window every member answers in. */
    public int windowSize() {
        return RegisterBank.DEFAULT_WINDOW;
    }

    /** The slot's own register (ENABLE) and its warnings. */
    public RegisterBank registers() {
        return slotRegisters;
    }

    /** The member enabled now, if any. */
    public Optional<Member> enabled() {
        return Optional.ofNullable(active);
    }

    private void writeEnable(int value) {
        int v = value & 0xF;
        if (v == enable) {
            return;
        }
        if (v == 0) {
            enable = 0;
            Member was = active;
            active = null;
            if (was != null) {
                was.setEnabled(false);
            }
            return;
        }
        Member selected = null;
        for (Member m : members) {
            if (m.enableValue() == v) {
                selected = m;
            }
        }
        if (enable != 0) {
            slotRegisters.warn(String.format("ENABLE = %d while ENABLE = %d: only one peripheral sharing ID 0x%08X "
                    + "may be enabled at a time; ignored (disable it first)", v, enable, baseAddress));
            return;
        }
        enable = v;
        if (selected == null) {
            slotRegisters.warn("ENABLE = " + v + " selects a peripheral that is not modelled; nothing answers");
            return;
        }
        active = selected;
        lastEnabled = selected;
        selected.setEnabled(true);
    }

    @Override
    public int read32(int address) {
        if (address - baseAddress == ENABLE) {
            return slotRegisters.read32(address);
        }
        if (active != null) {
            return active.registers().read32(address);
        }
        if (lastEnabled.registers().registerAt(address).isPresent()) {
            return lastEnabled.registers().read32(address);
        }
        for (Member m : members) {
            if (m.registers().registerAt(address).isPresent()) {
                return m.registers().read32(address);
            }
        }
        return lastEnabled.registers().read32(address);
    }

    @Override
    public void write32(int address, int value) {
        if (address - baseAddress == ENABLE) {
            slotRegisters.write32(address, value);
            return;
        }
        if (active != null) {
            active.registers().write32(address, value);
            return;
        }
        boolean written = false;
        for (Member m : members) {
            Optional<Register> r = m.registers().registerAt(address);
            if (r.isPresent()) {
                m.registers().write32(address, value);
                written = true;
            }
        }
        if (!written) {
            lastEnabled.registers().write32(address, value);
        }
    }

    @Override
    public void unsupportedByteWrite(int address) {
        (active != null ? active : lastEnabled).registers().unsupportedByteWrite(address);
    }

    /** Back to the reset state: nothing enabled. */
    public void reset() {
        enable = 0;
        active = null;
        lastEnabled = members.get(0);
        slotRegisters.reset();
    }
}
