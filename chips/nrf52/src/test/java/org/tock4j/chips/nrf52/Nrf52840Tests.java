package org.tock4j.chips.nrf52;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.emulator.world.TransmittedByte;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.hil.time.Ticks;
import org.tock4j.kernel.hil.uart.Parameters;

class Nrf52840Tests {
    private final Nrf52840 chip = new Nrf52840();
    private final MemoryBus bus = chip.memory();

    @Test
    void flashIsOneMebibyteAtZeroAndErased() {
        assertThat(chip.flashStart()).isZero();
        assertThat(chip.flashSize()).isEqualTo(1 << 20);
        assertThat(bus.read32(0x0)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.read32(0xF_FFFC)).isEqualTo(0xFFFF_FFFF);
        assertThat(bus.regionOf(0x8_0000)).get().extracting(MemoryRegion::kind).isEqualTo(RegionKind.FLASH);
    }

    @Test
    void ramIs256KibibytesAt0x20000000AndZero() {
        assertThat(chip.ramStart()).isEqualTo(0x2000_0000);
        assertThat(chip.ramSize()).isEqualTo(256 * 1024);
        assertThat(bus.read32(0x2003_FFFC)).isZero();
        assertThat(bus.regionOf(0x2000_0000)).get().extracting(MemoryRegion::name).isEqualTo("RAM");
    }

    @Test
    void addressesOutsideTheMemoryMapAreBusFaults() {
        assertThatThrownBy(() -> bus.read32(0x2004_0000)).isInstanceOf(BusFault.class).hasMessageContaining("0x20040000");
        assertThatThrownBy(() -> bus.read32(0x3000_0000)).isInstanceOf(BusFault.class);
    }

    @Test
    void unmodelledPeripheralsStoreWritesAndNeverFault() {
        bus.write32(0x4000_E000, 1); // ECB TASKS_STARTECB
        assertThat(bus.read32(0x4000_E000)).isEqualTo(1);
        assertThat(bus.read32(0x1000_0100)).isEqualTo(0xFFFF_FFFF); // FICR
        assertThat(Nrf52840MemoryMap.peripheralAt(0x4000_D004)).isEqualTo("RNG");
    }

    @Test
    void everyInterruptLineIsEnabledAfterReset() {
        assertThat(chip.nvic().isEnabled(PeripheralInterrupts.UART0)).isTrue();
        assertThat(chip.nvic().isEnabled(47)).isTrue();
        assertThat(chip.hasPendingInterrupts()).isFalse();
    }

    @Test
    void aPendingInterruptNoDriverHandlesIsAKernelPanic() {
        bus.write32(0xE000_E200, 1 << PeripheralInterrupts.ECB); // NVIC_ISPR0

        assertThatThrownBy(chip::servicePendingInterrupts).isInstanceOf(KernelPanic.class)
                .hasMessage("unhandled interrupt 14");
    }

    @Test
    void sleepSkipsEventsThatRaiseNoInterruptAndWakesAtTheFirstThatDoes() {
        chip.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
        chip.uarte0().configure(Parameters.console115200());
        chip.uarte0().transmitBuffer("Hi".getBytes(), 2); // byte events, then ENDTX

        chip.sleep();

        assertThat(chip.hasPendingInterrupts()).isTrue();
        assertThat(chip.clock().now()).isEqualTo(173_612);
    }

    @Test
    void sleepStopsAtTheHorizon() {
        chip.rtc1().start();
        chip.rtc1().setAlarm(chip.rtc1().now(), Ticks.of(32_768, 24)); // 1 s
        chip.clock().setHorizon(250_000_000);

        chip.sleep();

        assertThat(chip.clock().now()).isEqualTo(250_000_000);
        assertThat(chip.hasPendingInterrupts()).isFalse();
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
        Nrf52840 c = new Nrf52840(Nrf52840.Config.defaults().withSeed(7));
        List<Object> trace = new ArrayList<>();
        c.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
        c.uarte0().configure(Parameters.console115200());
        c.rtc1().start();
        c.rtc1().setAlarmClient(() -> {
            trace.add("alarm@" + c.clock().now());
            c.uarte0().transmitBuffer("tick".getBytes(), 4);
        });
        c.rtc1().setAlarm(c.rtc1().now(), Ticks.of(1_000, 24));
        c.pin(0, 13).addListener((wire, edge) -> trace.add(edge));
        c.gpioPin(0, 13).makeOutput();
        c.gpioPin(0, 13).set();
        KernelLoopStandIn.runUntil(c, 1_000_000_000);
        trace.addAll(c.uartLink(0).transmitted());
        trace.add(c.clock().now());
        return trace;
    }

    @Test
    void theChipProvidesItsCoreMpuAndSchedulerTimer() {
        assertThat(chip.cpu().frequencyHz()).isEqualTo(64_000_000);
        assertThat(chip.mpu().numberTotalRegions()).isEqualTo(8);
        chip.systick().start(1_000);
        assertThat(chip.systick().getRemainingUs()).hasValue(1_000);
        assertThat(chip.config()).isEqualTo(Nrf52840.Config.defaults());
    }

    @Test
    void atomicDefersInterruptsUntilItEnds() {
        chip.cpu().enterUserspace();
        chip.atomic(() -> bus.write32(0xE000_E200, 1 << PeripheralInterrupts.UART0));
        assertThat(chip.cpu().takePendingException()).isTrue();
        assertThat(chip.nvic().isEnabled(PeripheralInterrupts.UART0)).isFalse();
    }

    @Test
    void theStatePrintsAsTockPrintsTheCortexMFaultStatus() {
        assertThat(chip.printState()).contains("---| Cortex-M Fault Status |---", "No Cortex-M faults detected.");
    }

    @Test
    void uarte0AndUarte1HaveLinks() {
        assertThat(chip.uartLink(0).name()).isEqualTo("UARTE0");
        assertThat(chip.uartLink(1).name()).isEqualTo("UARTE1");
        assertThatThrownBy(() -> chip.uartLink(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(chip.uartLink(0).transmitted()).isEmpty();
        assertThat(new TransmittedByte(1, (byte) 'A').value()).isEqualTo((byte) 'A');
    }

    @Test
    void everyModelledPeripheralSitsAtItsDatasheetBaseAddress() {
        assertThat(bus.regionOf(0x4000_0000)).get().extracting(MemoryRegion::name).isEqualTo("CLOCK/POWER");
        assertThat(bus.regionOf(0x4000_3000)).get().extracting(MemoryRegion::name).isEqualTo("SPIM0/TWIM0");
        assertThat(bus.regionOf(0x4000_6000)).get().extracting(MemoryRegion::name).isEqualTo("GPIOTE");
        assertThat(bus.regionOf(0x4000_8000)).get().extracting(MemoryRegion::name).isEqualTo("TIMER0");
        assertThat(bus.regionOf(0x4000_B000)).get().extracting(MemoryRegion::name).isEqualTo("RTC0");
        assertThat(bus.regionOf(0x4000_C000)).get().extracting(MemoryRegion::name).isEqualTo("TEMP");
        assertThat(bus.regionOf(0x4000_D000)).get().extracting(MemoryRegion::name).isEqualTo("RNG");
        assertThat(bus.regionOf(0x4001_B000)).get().extracting(MemoryRegion::name).isEqualTo("TIMER4");
        assertThat(bus.regionOf(0x4001_E000)).get().extracting(MemoryRegion::name).isEqualTo("NVMC");
        assertThat(bus.regionOf(0x4002_4000)).get().extracting(MemoryRegion::name).isEqualTo("RTC2");
        assertThat(bus.regionOf(0x4002_8000)).get().extracting(MemoryRegion::name).isEqualTo("UARTE1");
    }

    @Test
    void onlyTheModelledBusesOfTwimAndSpimExist() {
        assertThat(chip.i2cBus(0).name()).isEqualTo("I2C0");
        assertThat(chip.spiBus(0).name()).isEqualTo("SPI0");
        assertThatThrownBy(() -> chip.i2cBus(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.spiBus(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNvmcDriverIsBuiltOnceWithTheBoardsDeferredCalls() {
        TestDeferredCalls calls = new TestDeferredCalls();
        assertThat(chip.nvmc(calls)).isSameAs(chip.nvmc(calls));
        calls.verifySetup();
        assertThatThrownBy(() -> chip.nvmc(new TestDeferredCalls())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void faultsNameTheInterruptsOfTheModelledPeripheralsAndRefuseOthersListingThem() {
        assertThat(chip.faults().interruptNames()).startsWith("POWER_CLOCK", "UARTE0", "TWIM0", "SPIM0", "GPIOTE")
                .contains("RTC0", "RTC1", "RTC2", "TIMER4", "RNG", "TEMP").endsWith("UARTE1");
        assertThat(chip.faults().interruptNumber("UARTE1")).isEqualTo(40);

        assertThatThrownBy(() -> chip.faults().dropNextInterrupt("RTC9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the nRF52840 has no interrupt named 'RTC9' (known: POWER_CLOCK, UARTE0,")
                .hasMessageContaining("RTC1");
    }

    @Test
    void aDroppedUarteInterruptLeavesTheTransmissionUnfinishedForItsClient() {
        List<Integer> done = new ArrayList<>();
        chip.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
        chip.uarte0().configure(Parameters.console115200());
        chip.uarte0().setTransmitClient((buffer, length, rval) -> done.add(length));
        chip.faults().dropNextInterrupt("UARTE0");

        chip.uarte0().transmitBuffer("hi".getBytes(), 2);
        KernelLoopStandIn.runUntil(chip, 10_000_000);

        // The bytes went out on the line, but ENDTX never reached the driver.
        assertThat(chip.uartLink(0).transmittedText()).isEqualTo("hi");
        assertThat(done).isEmpty();
    }
}
