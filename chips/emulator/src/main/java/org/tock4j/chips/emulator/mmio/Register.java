package org.tock4j.chips.emulator.mmio;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * One register of a {@link RegisterBank}: its datasheet name, offset, reset value, stored value and how the
 * bus reads and writes it. Peripheral models use {@link #value()} and {@link #set(int)} to see and change the
 * stored value without triggering any behaviour (hardware setting an EVENTS register, for example).
 *
 * <p>Tock counterpart: a field of a {@code register_structs!} block, seen from the silicon's side.
 */
public final class Register {
    /** The offset of a register that holds state but has no address of its own. */
    public static final int NO_ADDRESS = -1;

    private final RegisterBank bank;
    private final String name;
    private final int offset;
    private final int resetValue;
    private final IntSupplier reader;
    private final IntConsumer writer;
    private final boolean modelled;
    private int value;

    Register(RegisterBank bank, String name, int offset, int resetValue, IntSupplier reader, IntConsumer writer,
            boolean modelled) {
        this.bank = bank;
        this.name = name;
        this.offset = offset;
        this.resetValue = resetValue;
        this.reader = reader;
        this.writer = writer;
        this.modelled = modelled;
        this.value = resetValue;
    }

    /** The datasheet name, e.g. {@code TASKS_STARTTX}. */
    public String name() {
        return name;
    }

    /** Offset from the peripheral's base address, or {@link #NO_ADDRESS}. */
    public int offset() {
        return offset;
    }

    /** The absolute address. */
    public int address() {
        return bank.baseAddress() + offset;
    }

    public int resetValue() {
        return resetValue;
    }

    /** Whether the emulator models the register's behaviour (as opposed to just storing what is written). */
    public boolean isModelled() {
        return modelled;
    }

    /** The stored value, as the hardware sees it. */
    public int value() {
        return value;
    }

    /** Stores {@code v} as the hardware does, without any side effect. */
    public void set(int v) {
        value = v;
    }

    public boolean isSet() {
        return value != 0;
    }

    public boolean isSet(int mask) {
        return (value & mask) != 0;
    }

    public void setBits(int mask) {
        value |= mask;
    }

    public void clearBits(int mask) {
        value &= ~mask;
    }

    void reset() {
        value = resetValue;
    }

    /** What a bus read returns. */
    int busRead() {
        if (!modelled) {
            bank.noteUnmodelled(this);
        }
        return reader == null ? value : reader.getAsInt();
    }

    /** What a bus write does. */
    void busWrite(int written) {
        if (!modelled) {
            bank.noteUnmodelled(this);
        }
        if (writer == null) {
            bank.warn(String.format("write of 0x%08X to read-only register %s ignored", written, name));
        } else {
            writer.accept(written);
        }
    }

    @Override
    public String toString() {
        return String.format("%s.%s = 0x%08X", bank.name(), name, value);
    }
}
