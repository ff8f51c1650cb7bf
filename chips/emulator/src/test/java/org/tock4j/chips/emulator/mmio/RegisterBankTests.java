package org.tock4j.chips.emulator.mmio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;

class RegisterBankTests {
    private static final int BASE = 0x4000_1000;

    private final MemoryBus bus = new MemoryBus();
    private final RegisterBank bank = new RegisterBank("PERIPH", BASE);
    private final MmioRegisters regs = new MmioRegisters(bus, BASE);
    private int started;
    private int interruptUpdates;
    private Register event;
    private Register inten;

    @BeforeEach
    void declare() {
        bank.task("TASKS_START", 0x000, () -> started++);
        event = bank.event("EVENTS_DONE", 0x100, () -> interruptUpdates++);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", 0x304, inten, () -> interruptUpdates++);
        bank.writeOneToClear("INTENCLR", 0x308, inten, () -> interruptUpdates++);
        bank.storage("CONFIG", 0x504, 0x0000_0002, 0x0000_000F, null);
        bank.readOnly("COUNTER", 0x508, () -> 42);
        bank.unmodelled("POWER", 0xFFC, 1);
        bus.mapDevice(bank);
    }

    @Test
    void registersReadTheirResetValues() {
        assertThat(regs.read(0x504)).isEqualTo(2);
        assertThat(regs.read(0xFFC)).isEqualTo(1);
        assertThat(regs.read(0x100)).isZero();
    }

    @Test
    void writingOneToATaskTriggersItAndZeroDoesNot() {
        regs.write(0x000, 1);
        regs.write(0x000, 0);
        assertThat(started).isEqualTo(1);
        assertThat(regs.read(0x000)).isZero();
    }

    @Test
    void hardwareSetsAnEventAndSoftwareClearsItByWritingZero() {
        event.set(1);
        assertThat(regs.read(0x100)).isEqualTo(1);

        regs.write(0x100, 0);

        assertThat(event.isSet()).isFalse();
        assertThat(interruptUpdates).isEqualTo(1);
    }

    @Test
    void intensetAndIntenclrSetAndClearBitsOfOneEnableRegister() {
        regs.write(0x304, 0x0001_0002);
        regs.write(0x308, 0x0000_0002);

        assertThat(inten.value()).isEqualTo(0x0001_0000);
        assertThat(regs.read(0x304)).isEqualTo(0x0001_0000);
        assertThat(regs.read(0x308)).isEqualTo(0x0001_0000);
    }

    @Test
    void onlyWritableBitsTakeWrittenValues() {
        regs.write(0x504, 0xFFFF_FFF5);
        assertThat(regs.read(0x504)).isEqualTo(0x5);
    }

    @Test
    void writingAReadOnlyRegisterIsAWarningNotACrash() {
        regs.write(0x508, 1);
        assertThat(regs.read(0x508)).isEqualTo(42);
        assertThat(bank.warnings()).containsExactly("write of 0x00000001 to read-only register COUNTER ignored");
    }

    @Test
    void anUndeclaredOffsetReadsZeroWithOneWarning() {
        assertThat(regs.read(0x800)).isZero();
        assertThat(regs.read(0x800)).isZero();
        regs.write(0x800, 5);
        assertThat(bank.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("0x800"));
    }

    @Test
    void anUnmodelledRegisterStoresWritesAndIsReportedOnce() {
        regs.write(0xFFC, 0);
        regs.write(0xFFC, 1);
        assertThat(regs.read(0xFFC)).isEqualTo(1);
        assertThat(bank.unmodelledTouched()).containsExactly("POWER");
    }

    @Test
    void resetRestoresEveryResetValue() {
        regs.write(0x504, 7);
        event.set(1);
        regs.write(0x304, 0xFF);

        bank.reset();

        assertThat(regs.read(0x504)).isEqualTo(2);
        assertThat(event.value()).isZero();
        assertThat(inten.value()).isZero();
    }

    @Test
    void twoRegistersCannotShareAnOffset() {
        assertThatThrownBy(() -> bank.storage("OTHER", 0x504, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONFIG");
    }

    @Test
    void modifyReplacesOnlyTheFieldBits() {
        regs.modify(0x504, 0x0000_000C, 0x0000_0004);
        assertThat(regs.read(0x504)).isEqualTo(0x6);
    }
}
