package org.tock4j.chips.nrf52.hardware;

import static org.tock4j.chips.nrf52.Nrf52840MemoryMap.*;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.PagedMemory;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.UnmodelledSpace;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.nrf52.Nrf52840Interrupts;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;

/**
 * The nRF52840 silicon: clock, flash, RAM, the Cortex-M4 core, and the modelled peripherals mapped at their
 * datasheet addresses; the rest of the peripheral space answers as unmodelled.
 */
public final class Nrf52840Hardware {
    public static final int CPU_HZ = 64_000_000;
    /** Priority bits the nRF52840's NVIC implements. */
    public static final int PRIORITY_BITS = 3;

    private final VirtualClock clock;
    private final MemoryBus bus = new MemoryBus();
    private final PagedMemory flash = new PagedMemory(FLASH_SIZE, (byte) 0xFF);
    private final PagedMemory ram = new PagedMemory(RAM_SIZE, (byte) 0x00);
    private final CortexM4 core;
    private final UartLink uartLink0;
    private final UarteModel uarte0;
    private final RtcModel rtc1;
    private final GpioPortModel p0;
    private final GpioPortModel p1;

    public Nrf52840Hardware(Pacing pacing) {
        clock = new VirtualClock(pacing);
        bus.mapMemory("FLASH", FLASH_START, flash, RegionKind.FLASH);
        bus.mapMemory("RAM", RAM_START, ram, RegionKind.RAM);
        core = new CortexM4(clock, bus, CPU_HZ, Nrf52840Interrupts.LINES, PRIORITY_BITS);
        uartLink0 = new UartLink("UARTE0", clock);
        uarte0 = new UarteModel("UARTE0", UARTE0_BASE, clock, bus, core.interruptLine(PeripheralInterrupts.UART0),
                uartLink0);
        rtc1 = new RtcModel("RTC1", RTC1_BASE, 4, clock, core.interruptLine(PeripheralInterrupts.RTC1));
        p0 = new GpioPortModel("P0", GPIO_P0_BASE, 32, clock);
        p1 = new GpioPortModel("P1", GPIO_P1_BASE, 16, clock);
        bus.mapDevice(uarte0.registers());
        bus.mapDevice(rtc1.registers());
        bus.mapDevice(p0.registers());
        bus.mapDevice(p1.registers());
        bus.mapBackground(FICR_BASE, 0x2000, new UnmodelledSpace("FICR/UICR",
                address -> address < UICR_BASE ? "FICR" : "UICR", 0xFFFF_FFFF));
        bus.mapBackground(APB_PERIPHERALS_START, APB_PERIPHERALS_SIZE,
                new UnmodelledSpace("APB peripherals", a -> peripheralAt(a), 0));
        bus.mapBackground(AHB_PERIPHERALS_START, AHB_PERIPHERALS_SIZE,
                new UnmodelledSpace("AHB peripherals", a -> String.format("AHB slot 0x%08X", a & ~0xFFF), 0));
        bus.mapBackground(PRIVATE_PERIPHERALS_START, PRIVATE_PERIPHERALS_SIZE,
                new UnmodelledSpace("Cortex-M4 private peripherals",
                        a -> (a & ~0xFFF) == 0xE000_E000 ? "System Control Space (SCB)" : String.format(
                                "Cortex-M private peripheral 0x%08X", a & ~0xFFF), 0));
    }

    public VirtualClock clock() {
        return clock;
    }

    public MemoryBus bus() {
        return bus;
    }

    public PagedMemory flash() {
        return flash;
    }

    public PagedMemory ram() {
        return ram;
    }

    public CortexM4 core() {
        return core;
    }

    public UarteModel uarte0() {
        return uarte0;
    }

    public UartLink uartLink0() {
        return uartLink0;
    }

    public RtcModel rtc1() {
        return rtc1;
    }

    /** GPIO port 0 or 1. */
    public GpioPortModel port(int port) {
        return switch (port) {
            case 0 -> p0;
            case 1 -> p1;
            default -> throw new IllegalArgumentException("the nRF52840 has GPIO ports 0 and 1, not " + port);
        };
    }
}
