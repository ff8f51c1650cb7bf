package org.tock4j.chips.emulator.mmio;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * A peripheral's registers, declared in one place with their datasheet names, offsets, reset values and
 * behaviour, answering the bus's word accesses.
 *
 * <pre>{@code
 * RegisterBank regs = new RegisterBank("UARTE0", 0x4000_2000);
 * regs.task("TASKS_STARTTX", 0x008, this::startTx);
 * Register endtx = regs.event("EVENTS_ENDTX", 0x120, this::updateInterrupt);
 * Register inten = regs.storage("INTEN", 0x300, 0, this::updateInterrupt);
 * regs.writeOneToSet("INTENSET", 0x304, inten, this::updateInterrupt);
 * regs.writeOneToClear("INTENCLR", 0x308, inten, this::updateInterrupt);
 * regs.unmodelled("ERRORSRC", 0x480, 0);
 * }</pre>
 *
 * <p>Registers the emulator does not model are declared {@linkplain #unmodelled unmodelled}: they store what
 * is written and are logged once when first touched. A driver's misuse (writing a read-only register,
 * touching an undeclared offset, a byte write) is logged as a warning once per distinct message and never
 * throws; {@link #warnings()} lists them for tests. {@link #reset()} restores every reset value.
 *
 * <p>Tock counterpart: none; the silicon behind {@code register_structs!}.
 */
public final class RegisterBank implements MmioDevice {
    /** The address space every nRF52 peripheral occupies. */
    public static final int DEFAULT_WINDOW = 0x1000;

    private final String name;
    private final int baseAddress;
    private final int windowOffset;
    private final int windowSize;
    /**
     * The registers by word offset in the window, as far as the highest one declared (most peripherals declare
     * a few hundred bytes of their 4 KiB window): one array index per bus access, and little heap per board.
     */
    private Register[] byWord = new Register[0];
    private final List<Register> registers = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> unmodelledTouched = new LinkedHashSet<>();
    private final Logger log;

    /** A bank at {@code baseAddress} answering the {@value #DEFAULT_WINDOW} bytes from there. */
    public RegisterBank(String name, int baseAddress) {
        this(name, baseAddress, 0, DEFAULT_WINDOW);
    }

    /** A bank at {@code baseAddress} answering {@code [base + windowOffset, base + windowOffset + windowSize)}. */
    public RegisterBank(String name, int baseAddress, int windowOffset, int windowSize) {
        this.name = Objects.requireNonNull(name, "name");
        if (windowOffset < 0 || windowSize <= 0 || ((windowOffset | windowSize) & 3) != 0) {
            throw new IllegalArgumentException(name + ": window must be word aligned and not empty");
        }
        this.baseAddress = baseAddress;
        this.windowOffset = windowOffset;
        this.windowSize = windowSize;
        this.log = System.getLogger("org.tock4j.chips.emulator.mmio." + name);
    }

    @Override
    public String name() {
        return name;
    }

    /** The datasheet base address that offsets count from. */
    public int baseAddress() {
        return baseAddress;
    }

    public int windowStart() {
        return baseAddress + windowOffset;
    }

    public int windowSize() {
        return windowSize;
    }

    /** The register declared at the absolute address {@code address}, if any. */
    public Optional<Register> registerAt(int address) {
        return Optional.ofNullable(at(address));
    }

    /** Every register declared, in declaration order. */
    public List<Register> registers() {
        return Collections.unmodifiableList(registers);
    }

    // ---- declarations ----

    /** A plain read-write register. */
    public Register storage(String name, int offset, int resetValue) {
        return storage(name, offset, resetValue, -1, null);
    }

    /** A read-write register; {@code afterWrite} runs after a bus write stored the new value. */
    public Register storage(String name, int offset, int resetValue, Runnable afterWrite) {
        return storage(name, offset, resetValue, -1, afterWrite);
    }

    /**
     * A read-write register of which only {@code writableMask} bits take written values (the others keep
     * their value); {@code afterWrite} (may be null) runs after each bus write.
     */
    public Register storage(String name, int offset, int resetValue, int writableMask, Runnable afterWrite) {
        Register[] self = new Register[1];
        self[0] = declare(name, offset, resetValue, null, written -> {
            Register r = self[0];
            r.set((r.value() & ~writableMask) | (written & writableMask));
            if (afterWrite != null) {
                afterWrite.run();
            }
        }, true);
        return self[0];
    }

    /** A register whose reads are computed; writes are misuse. */
    public Register readOnly(String name, int offset, IntSupplier read) {
        return declare(name, offset, 0, Objects.requireNonNull(read), null, true);
    }

    /** A register that always reads {@code value} (identification and configuration registers). */
    public Register constant(String name, int offset, int value) {
        return declare(name, offset, value, null, null, true);
    }

    /** A register whose writes act and whose reads return 0. */
    public Register writeOnly(String name, int offset, IntConsumer write) {
        return declare(name, offset, 0, () -> 0, Objects.requireNonNull(write), true);
    }

    /** A register with its own read and write behaviour; either may use the register's stored value. */
    public Register custom(String name, int offset, int resetValue, IntSupplier read, IntConsumer write) {
        return declare(name, offset, resetValue, read, write, true);
    }

    /** An nRF-style task: writing 1 triggers it; reads return 0. */
    public Register task(String name, int offset, Runnable trigger) {
        Objects.requireNonNull(trigger, "trigger");
        return declare(name, offset, 0, () -> 0, written -> {
            if ((written & 1) != 0) {
                trigger.run();
            }
        }, true);
    }

    /**
     * An nRF-style event: the hardware sets it with {@link Register#set(int)}; software clears it by writing
     * 0. {@code afterWrite} (may be null) runs after each bus write, typically to update the interrupt line.
     */
    public Register event(String name, int offset, Runnable afterWrite) {
        return storage(name, offset, 0, 1, afterWrite);
    }

    /** Writing 1s sets those bits of {@code target}; reads return {@code target}'s value. */
    public Register writeOneToSet(String name, int offset, Register target, Runnable afterChange) {
        return declare(name, offset, 0, target::value, written -> {
            target.setBits(written);
            if (afterChange != null) {
                afterChange.run();
            }
        }, true);
    }

    /** Writing 1s clears those bits of {@code target}; reads return {@code target}'s value. */
    public Register writeOneToClear(String name, int offset, Register target, Runnable afterChange) {
        return declare(name, offset, 0, target::value, written -> {
            target.clearBits(written);
            if (afterChange != null) {
                afterChange.run();
            }
        }, true);
    }

    /** State the peripheral keeps without an address of its own (reset with the bank). */
    public Register internal(String name, int resetValue) {
        return declare(name, Register.NO_ADDRESS, resetValue, null, null, true);
    }

    /** A register the emulator does not model: it stores what is written and is logged once when touched. */
    public Register unmodelled(String name, int offset, int resetValue) {
        Register[] self = new Register[1];
        self[0] = declare(name, offset, resetValue, null, written -> self[0].set(written), false);
        return self[0];
    }

    private Register declare(String registerName, int offset, int resetValue, IntSupplier read, IntConsumer write,
            boolean modelled) {
        Objects.requireNonNull(registerName, "register name");
        Register register = new Register(this, registerName, offset, resetValue, read, write, modelled);
        if (offset != Register.NO_ADDRESS) {
            int index = (offset - windowOffset) >> 2;
            if ((offset & 3) != 0 || offset < windowOffset || index >= windowSize / 4) {
                throw new IllegalArgumentException(String.format("%s.%s: offset 0x%X is not a word inside the window",
                        name, registerName, offset));
            }
            if (index >= byWord.length) {
                byWord = Arrays.copyOf(byWord, index + 1);
            }
            if (byWord[index] != null) {
                throw new IllegalArgumentException(String.format("%s.%s: offset 0x%X already holds %s", name,
                        registerName, offset, byWord[index].name()));
            }
            byWord[index] = register;
        }
        registers.add(register);
        return register;
    }

    // ---- behaviour ----

    /** Restores every register's reset value (no behaviour runs). */
    public void reset() {
        for (Register r : registers) {
            r.reset();
        }
    }

    @Override
    public int read32(int address) {
        Register r = at(address);
        if (r == null) {
            warn(String.format("read of undeclared offset 0x%03X returns 0", address - baseAddress));
            return 0;
        }
        return r.busRead();
    }

    @Override
    public void write32(int address, int value) {
        Register r = at(address);
        if (r == null) {
            warn(String.format("write of 0x%08X to undeclared offset 0x%03X ignored", value, address - baseAddress));
            return;
        }
        r.busWrite(value);
    }

    @Override
    public void unsupportedByteWrite(int address) {
        Register r = at(address & ~3);
        String target = r == null ? String.format("offset 0x%03X", address - baseAddress) : r.name();
        warn("byte write to " + target + " ignored: registers take word writes");
    }

    /**
     * Records a misuse of this peripheral and logs it as a warning the first time it happens; the emulator
     * carries on.
     */
    public void warn(String message) {
        if (warnings.add(message)) {
            log.log(Level.WARNING, "{0}: {1}", name, message);
        }
    }

    /** The distinct warnings logged so far, oldest first. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void noteUnmodelled(Register r) {
        if (unmodelledTouched.add(r.name())) {
            log.log(Level.INFO, "{0}.{1} is not modelled: it only stores what is written", name, r.name());
        }
    }

    /** Names of unmodelled registers touched so far. */
    public List<String> unmodelledTouched() {
        return List.copyOf(unmodelledTouched);
    }

    private Register at(int address) {
        int offsetInWindow = address - windowStart();
        if (Integer.compareUnsigned(offsetInWindow, windowSize) >= 0) {
            return null;
        }
        int index = offsetInWindow >> 2;
        Register[] registersByWord = byWord;
        return index < registersByWord.length ? registersByWord[index] : null;
    }

    @Override
    public String toString() {
        return String.format("RegisterBank[%s at 0x%08X, %d registers]", name, baseAddress, registers.size());
    }
}
