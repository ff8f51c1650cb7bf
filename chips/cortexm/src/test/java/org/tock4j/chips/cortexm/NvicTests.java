package org.tock4j.chips.cortexm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;

class NvicTests {
    private final CortexM4 core = new CortexM4(new VirtualClock(), new MemoryBus(), 64_000_000, 48, 3);
    private final Nvic nvic = core.nvic();
    private final CortexMCpu cpu = core.cpu();

    @Test
    void fortyEightLinesNeedTwoRegisterBanks() {
        assertThat(nvic.numberOfNvicRegisters()).isEqualTo(2);
    }

    @Test
    void anEnabledLineThatFiresIsLeftPendingDisabledAndReturnsToTheKernel() {
        nvic.enableAll();

        core.interruptLine(2).raise();

        assertThat(nvic.isPending(2)).isTrue();
        assertThat(nvic.isEnabled(2)).isFalse();
        assertThat(cpu.takePendingException()).isTrue();
    }

    @Test
    void aDisabledLinePendsWithoutAnException() {
        core.interruptLine(17).raise();

        assertThat(nvic.hasPending()).isTrue();
        assertThat(nvic.nextPending()).hasValue(17);
        assertThat(cpu.takePendingException()).isFalse();
    }

    @Test
    void nextPendingIsTheLowestNumberedPendingLine() {
        core.interruptLine(40).raise();
        core.interruptLine(17).raise();
        core.interruptLine(2).raise();

        assertThat(nvic.nextPending()).hasValue(2);
        core.interruptLine(2).lower();
        nvic.clearPending(2);
        assertThat(nvic.nextPending()).hasValue(17);
    }

    @Test
    void clearingAPendingLineThatIsStillAssertedPendsItAgain() {
        core.interruptLine(6).raise();
        nvic.clearPending(6);
        assertThat(nvic.isPending(6)).isTrue();

        core.interruptLine(6).lower();
        nvic.clearPending(6);
        assertThat(nvic.isPending(6)).isFalse();
    }

    @Test
    void servicingAsTockDoesClearsPendingAndReenablesTheLine() {
        nvic.enableAll();
        core.interruptLine(2).raise();

        // the driver's handler clears its event, lowering the line; then the chip:
        core.interruptLine(2).lower();
        nvic.clearPending(2);
        nvic.enable(2);

        assertThat(nvic.hasPending()).isFalse();
        assertThat(nvic.isEnabled(2)).isTrue();
    }

    @Test
    void anInterruptThatFiresInsideAnAtomicSectionIsTakenWhenItEnds() {
        nvic.enableAll();
        cpu.enterUserspace();

        core.atomic(() -> {
            core.interruptLine(9).raise();
            assertThat(nvic.isEnabled(9)).isTrue();
            assertThat(cpu.hasPendingException()).isFalse();
            return null;
        });

        assertThat(nvic.isEnabled(9)).isFalse();
        assertThat(cpu.takePendingException()).isTrue();
    }

    @Test
    void enablingAnAlreadyPendingLineTakesItAtOnce() {
        core.interruptLine(3).raise();
        assertThat(cpu.hasPendingException()).isFalse();

        nvic.enable(3);

        assertThat(cpu.takePendingException()).isTrue();
        assertThat(nvic.isEnabled(3)).isFalse();
    }

    @Test
    void prioritiesKeepOnlyTheImplementedBits() {
        nvic.setPriority(5, 0xFF);
        assertThat(nvic.priority(5)).isEqualTo(0xE0);
        assertThat(nvic.priority(4)).isZero();
    }

    @Test
    void linesBeyondTheChipReadAsZero() {
        nvic.enableAll();
        assertThat(core.bus().read32(0xE000_E104)).isEqualTo(0x0000_FFFF);
    }

    @Test
    void aDroppedAssertionNeverPendsNorReturnsToTheKernel() {
        nvic.enableAll();
        core.dropNextInterrupt(17);

        core.interruptLine(17).raise();

        assertThat(nvic.isPending(17)).isFalse();
        assertThat(nvic.isEnabled(17)).isTrue();
        assertThat(cpu.takePendingException()).isFalse();
        assertThat(core.droppedInterrupts(17)).isEqualTo(1);
    }

    @Test
    void aDroppedRequestStaysLostWhileTheLineStaysHighEvenWhenThePendingBitIsCleared() {
        core.dropNextInterrupt(6);
        core.interruptLine(6).raise();
        core.interruptLine(6).raise();   // peripherals recompute their level after every register write
        nvic.clearPending(6);             // a level-sensitive line still high would pend again: this one does not

        assertThat(nvic.isPending(6)).isFalse();

        core.interruptLine(6).lower();
        core.interruptLine(6).raise();   // the next request reaches the NVIC
        assertThat(nvic.isPending(6)).isTrue();
        assertThat(core.droppedInterrupts(6)).isEqualTo(1);
    }

    @Test
    void onlyTheNextRisingEdgeIsLostAndOtherLinesAreUntouched() {
        core.interruptLine(2).raise();   // already high when the drop is armed
        core.dropNextInterrupt(2);
        core.interruptLine(9).raise();

        assertThat(nvic.isPending(2)).isTrue();
        assertThat(nvic.isPending(9)).isTrue();

        core.interruptLine(2).lower();
        nvic.clearPending(2);
        core.interruptLine(2).raise();   // this rising edge is the one lost
        assertThat(nvic.isPending(2)).isFalse();
    }

    @Test
    void faultsNameLinesByPeripheralAndListTheKnownNamesForAnUnknownOne() {
        CortexMFaults faults = new CortexMFaults("test chip", core,
                new java.util.LinkedHashMap<>(java.util.Map.of("UARTE0", 2)), () -> {});
        faults.dropNextInterrupt("UARTE0");
        core.interruptLine(2).raise();

        assertThat(nvic.isPending(2)).isFalse();
        assertThat(faults.droppedInterrupts("UARTE0")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> faults.dropNextInterrupt("RTC1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the test chip has no interrupt named 'RTC1' (known: UARTE0)");
    }
}
