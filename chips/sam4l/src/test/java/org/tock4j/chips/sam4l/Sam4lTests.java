package org.tock4j.chips.sam4l;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.sam4l.hardware.AstModel;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.hil.uart.Parameters;

class Sam4lTests {
    private final Sam4l chip = TestBoard.bareChip();
    private final MemoryBus bus = chip.memory();

    @Test
    void flashIs512KibibytesAtZeroAndErased() {
        assertThat(chip.flashStart()).isZero();
        assertThat(chip.flashSize()).isEqualTo(512 * 1024);
        assertThat(bus.read32(0x7_FFFC)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.regionOf(0x4_0000)).get().extracting(MemoryRegion::kind).isEqualTo(RegionKind.FLASH);
    }

    @Test
    void ramIs64KibibytesAt0x20000000AndZero() {
        assertThat(chip.ramStart()).isEqualTo(0x2000_0000);
        assertThat(chip.ramSize()).isEqualTo(64 * 1024);
        assertThat(bus.read32(0x2000_FFFC)).isZero();
        assertThat(Sam4lMemoryMap.DRIVER_RAM_END).isEqualTo(0x2000_2000);
    }

    @Test
    void addressesOutsideTheMemoryMapAreBusFaults() {
        assertThatThrownBy(() -> bus.read32(0x2001_0000)).isInstanceOf(BusFault.class)
                .hasMessageContaining("0x20010000");
        assertThatThrownBy(() -> bus.read32(0x0008_0000)).isInstanceOf(BusFault.class);
    }

    @Test
    void unmodelledPeripheralsStoreWritesAndNeverFault() {
        bus.write32(0x400F_0C00, 0x5A); // WDT
        assertThat(bus.read32(0x400F_0C00)).isEqualTo(0x5A);
        assertThat(bus.read32(0x400A_3000)).isZero(); // CRCCU
        assertThat(bus.read32(0xE000_ED00)).isZero(); // SCB CPUID
        assertThat(Sam4lMemoryMap.peripheralAt(0x400F_1004)).isEqualTo("EIC");
        assertThat(Sam4lMemoryMap.peripheralAt(0x4001_8404)).isEqualTo("TWIS0");
        assertThat(Sam4lMemoryMap.peripheralAt(0x4009_0000)).startsWith("peripheral space");
    }

    @Test
    void everyInterruptLineIsEnabledAfterResetAsSam4lInitLeavesIt() {
        assertThat(chip.nvic().isEnabled(Sam4lInterrupts.HFLASHC)).isTrue();
        assertThat(chip.nvic().isEnabled(Sam4lInterrupts.LCDCA)).isTrue();
        assertThat(chip.core().interruptLines()).isEqualTo(80);
        assertThat(chip.hasPendingInterrupts()).isFalse();
    }

    @Test
    void aPendingInterruptNoDriverHandlesIsAKernelPanic() {
        bus.write32(0xE000_E200, 1 << Sam4lInterrupts.CRCCU); // NVIC_ISPR0

        assertThatThrownBy(chip::servicePendingInterrupts).isInstanceOf(KernelPanic.class)
                .hasMessage("unhandled interrupt 17");
    }

    @Test
    void anInterruptItsHandlerCannotClearIsAKernelPanicNotAHang() {
        TestBoard board = TestBoard.boot();
        Sam4l booted = board.chip;
        booted.ast().configure(() -> {});
        booted.ast().setAlarm(booted.ast().now(), Ticks.of(100, 32));
        booted.pm().disableClock(Clock.Pbd.AST); // the handler's writes to SCR will be ignored
        booted.clock().advanceTo(100_000_000);

        assertThatThrownBy(booted::servicePendingInterrupts).isInstanceOf(KernelPanic.class)
                .hasMessageContaining("interrupt " + Sam4lInterrupts.ASTALARM);
        assertThat(booted.hardware().ast().registers().warnings())
                .contains("write while its clock is masked in the PM is ignored");
        assertThat(booted.memory().read32(AstModel.BASE + AstModel.SR)).isZero();
    }

    @Test
    void sleepSkipsEventsThatRaiseNoInterruptAndWakesAtTheFirstThatDoes() {
        TestBoard board = TestBoard.boot();
        Sam4l booted = board.chip;
        booted.usart(3).setMode(UsartMode.Uart);
        booted.usart(3).configure(Parameters.console115200());
        booted.usart(3).setTransmitClient((b, l, r) -> {});
        booted.usart(3).transmitBuffer("Hi".getBytes(), 2);
        booted.servicePendingInterrupts(); // the PDCA's transfer-complete: TXEMPTY enabled

        booted.sleep();

        assertThat(booted.hasPendingInterrupts()).isTrue();
        assertThat(booted.clock().now()).isEqualTo(2 * 86_875);
    }

    @Test
    void sleepStopsAtTheHorizon() {
        TestBoard board = TestBoard.boot();
        Sam4l booted = board.chip;
        booted.ast().configure(() -> {});
        booted.ast().setAlarm(booted.ast().now(), Ticks.of(16_384, 32)); // 1 s
        booted.clock().setHorizon(250_000_000);

        booted.sleep();

        assertThat(booted.clock().now()).isEqualTo(250_000_000);
        assertThat(booted.hasPendingInterrupts()).isFalse();
    }

    @Test
    void sleepingWithNothingScheduledReturnsAtOnce() {
        chip.sleep();
        assertThat(chip.clock().now()).isZero();
    }

    @Test
    void theSameInputsGiveTheSameRun() {
        assertThat(scenario()).isEqualTo(scenario());
    }

    private static List<Object> scenario() {
        TestBoard board = TestBoard.boot(Sam4l.Config.defaults().withSeed(7));
        Sam4l c = board.chip;
        List<Object> trace = new ArrayList<>();
        c.usart(3).setMode(UsartMode.Uart);
        c.usart(3).configure(Parameters.console115200());
        c.usart(3).setTransmitClient((b, l, r) -> trace.add("sent@" + c.clock().now()));
        c.ast().configure(() -> {
            trace.add("alarm@" + c.clock().now());
            c.usart(3).transmitBuffer("tick".getBytes(), 4);
        });
        c.ast().setAlarm(c.ast().now(), Ticks.of(1_000, 32));
        c.trng().setClient((words, r) -> {
            trace.add(words.next());
            return trace.size() < 6 ? org.tock4j.kernel.hil.rng.Continue.More : org.tock4j.kernel.hil.rng.Continue.Done;
        });
        c.trng().get();
        c.pin('C', 22).addListener((wire, edge) -> trace.add(edge));
        c.gpioPin('C', 22).makeOutput();
        c.gpioPin('C', 22).set();
        board.runUntil(1_000_000_000);
        trace.addAll(c.uartLink(3).transmitted());
        trace.add(c.clock().now());
        return trace;
    }

    @Test
    void theChipProvidesItsCoreMpuAndSchedulerTimer() {
        assertThat(chip.cpu().frequencyHz()).isEqualTo(48_000_000);
        assertThat(chip.mpu().numberTotalRegions()).isEqualTo(8);
        chip.systick().start(1_000);
        assertThat(chip.systick().getRemainingUs()).hasValue(1_000);
        assertThat(chip.config()).isEqualTo(Sam4l.Config.defaults());
    }

    @Test
    void atomicDefersInterruptsUntilItEnds() {
        chip.cpu().enterUserspace();
        chip.atomic(() -> bus.write32(0xE000_E200 + 8, 1 << (Sam4lInterrupts.USART3 - 64)));
        assertThat(chip.cpu().takePendingException()).isTrue();
        assertThat(chip.nvic().isEnabled(Sam4lInterrupts.USART3)).isFalse();
    }

    @Test
    void theStatePrintsAsTockPrintsTheCortexMFaultStatus() {
        assertThat(chip.printState()).contains("---| Cortex-M Fault Status |---", "No Cortex-M faults detected.");
    }

    @Test
    void accessorsRejectPeripheralsTheChipDoesNotHave() {
        assertThatThrownBy(() -> chip.usart(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.uartLink(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.i2c(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.analogInput(15)).isInstanceOf(IllegalArgumentException.class);
        assertThat(chip.i2cBus(1).name()).isEqualTo("I2C1");
        assertThat(chip.spiChipSelect(3).name()).isEqualTo("NPCS3");
        assertThatThrownBy(() -> chip.spiChipSelect(4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(chip.analogInput(14).name()).isEqualTo("AD14");
        assertThat(chip.analogInput(14).unit()).isEqualTo("mV");
    }

    @Test
    void setupCircularDepsRegistersTheFlashAndUsartDeferredCallsOnce() {
        ManualDeferredCalls calls = new ManualDeferredCalls();
        chip.peripherals().setupCircularDeps(calls);
        calls.verifySetup();
        assertThat(calls.size()).isEqualTo(5);
        assertThatThrownBy(() -> chip.peripherals().setupCircularDeps(calls))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAbortBeforeSetupCircularDepsFailsFastNamingTheFix() {
        Usart uart = chip.usart(0);
        uart.setMode(UsartMode.Uart);
        uart.receiveBuffer(new byte[4], 4);
        assertThatThrownBy(uart::receiveAbort).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setupCircularDeps");
    }
}
