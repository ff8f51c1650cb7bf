package org.tock4j.chips.nrf52.hardware;

import static org.tock4j.chips.nrf52.Nrf52840MemoryMap.*;

import java.util.List;
import java.util.SplittableRandom;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.chips.emulator.PagedMemory;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.emulator.SharedInterruptLine;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.UnmodelledSpace;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.nrf52.Nrf52840Interrupts;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;

/**
 * The nRF52840 silicon: clock, flash, RAM, the Cortex-M4 core, and the modelled peripherals mapped at their
 * datasheet addresses; the rest of the peripheral space answers as unmodelled. The outside world (pins, UART
 * links, the die temperature, the I2C and SPI buses) hangs off the peripherals.
 */
public final class Nrf52840Hardware {
    public static final int CPU_HZ = 64_000_000;
    /** Priority bits the nRF52840's NVIC implements. */
    public static final int PRIORITY_BITS = 3;
    /** The die temperature after reset, °C. */
    public static final double ROOM_TEMPERATURE = 25.0;

    private final VirtualClock clock;
    private final MemoryBus bus = new MemoryBus();
    private final PagedMemory flash = new PagedMemory(FLASH_SIZE, (byte) 0xFF);
    private final PagedMemory ram = new PagedMemory(RAM_SIZE, (byte) 0x00);
    private final CortexM4 core;
    private final UartLink uartLink0;
    private final UartLink uartLink1;
    private final SensorValue temperature;
    private final I2cBus i2cBus0;
    private final SpiBus spiBus0;
    private final ClockPowerModel clockPower;
    private final UarteModel uarte0;
    private final UarteModel uarte1;
    private final RtcModel rtc0;
    private final RtcModel rtc1;
    private final RtcModel rtc2;
    private final TimerModel[] timers = new TimerModel[5];
    private final GpioPortModel p0;
    private final GpioPortModel p1;
    private final GpioteModel gpiote;
    private final RngModel rng;
    private final TempModel temp;
    private final NvmcModel nvmc;
    private final TwimModel twim0;
    private final SpimModel spim0;
    private final SharedInstanceSlot spim0Twim0;

    /** Seed 0. */
    public Nrf52840Hardware(Pacing pacing) {
        this(pacing, 0);
    }

    /** @param seed seeds the chip's randomness (the RNG's bytes) */
    public Nrf52840Hardware(Pacing pacing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        clock = new VirtualClock(pacing);
        MemoryRegion flashRegion = bus.mapMemory("FLASH", FLASH_START, flash, RegionKind.FLASH);
        bus.mapMemory("RAM", RAM_START, ram, RegionKind.RAM);
        core = new CortexM4(clock, bus, CPU_HZ, Nrf52840Interrupts.LINES, PRIORITY_BITS);
        uartLink0 = new UartLink("UARTE0", clock);
        uartLink1 = new UartLink("UARTE1", clock);
        temperature = new SensorValue("die temperature", "°C", ROOM_TEMPERATURE, clock);
        i2cBus0 = new I2cBus("I2C0");
        spiBus0 = new SpiBus("SPI0");

        clockPower = new ClockPowerModel(CLOCK_BASE, clock, core.interruptLine(PeripheralInterrupts.POWER_CLOCK));
        uarte0 = new UarteModel("UARTE0", UARTE0_BASE, clock, bus, core.interruptLine(PeripheralInterrupts.UART0),
                uartLink0);
        uarte1 = new UarteModel("UARTE1", UARTE1_BASE, clock, bus, core.interruptLine(Nrf52840Interrupts.UART1),
                uartLink1);
        rtc0 = new RtcModel("RTC0", RTC0_BASE, 3, clock, core.interruptLine(PeripheralInterrupts.RTC0));
        rtc1 = new RtcModel("RTC1", RTC1_BASE, 4, clock, core.interruptLine(PeripheralInterrupts.RTC1));
        rtc2 = new RtcModel("RTC2", RTC2_BASE, 4, clock, core.interruptLine(PeripheralInterrupts.RTC2));
        int[] timerBases = {TIMER0_BASE, TIMER1_BASE, TIMER2_BASE, TIMER3_BASE, TIMER4_BASE};
        int[] timerIrqs = {PeripheralInterrupts.TIMER0, PeripheralInterrupts.TIMER1, PeripheralInterrupts.TIMER2,
                PeripheralInterrupts.TIMER3, PeripheralInterrupts.TIMER4};
        for (int n = 0; n < timers.length; n++) {
            timers[n] = new TimerModel("TIMER" + n, timerBases[n], n < 3 ? 4 : 6, clock,
                    core.interruptLine(timerIrqs[n]));
        }
        p0 = new GpioPortModel("P0", GPIO_P0_BASE, 32, clock);
        p1 = new GpioPortModel("P1", GPIO_P1_BASE, 16, clock);
        gpiote = new GpioteModel(GPIOTE_BASE, core.interruptLine(PeripheralInterrupts.GPIOTE), List.of(p0, p1));
        rng = new RngModel(RNG_BASE, clock, core.interruptLine(PeripheralInterrupts.RNG), random.split());
        temp = new TempModel(TEMP_BASE, clock, core.interruptLine(PeripheralInterrupts.TEMP), temperature);
        nvmc = new NvmcModel(NVMC_BASE, clock, flash, flashRegion);
        SharedInterruptLine spi0Twi0 = new SharedInterruptLine(core.interruptLine(PeripheralInterrupts.SPI0_TWI0));
        twim0 = new TwimModel("TWIM0", SPIM0_TWIM0_BASE, clock, bus, spi0Twi0.source(), i2cBus0);
        spim0 = new SpimModel("SPIM0", SPIM0_TWIM0_BASE, clock, bus, spi0Twi0.source(), spiBus0);
        spim0Twim0 = new SharedInstanceSlot("SPIM0/TWIM0", SPIM0_TWIM0_BASE, List.of(twim0, spim0));

        bus.mapDevice(clockPower.registers());
        bus.mapDevice(uarte0.registers());
        bus.mapDevice(SPIM0_TWIM0_BASE, spim0Twim0.windowSize(), spim0Twim0);
        bus.mapDevice(gpiote.registers());
        for (TimerModel timer : timers) {
            bus.mapDevice(timer.registers());
        }
        bus.mapDevice(rtc0.registers());
        bus.mapDevice(temp.registers());
        bus.mapDevice(rng.registers());
        bus.mapDevice(rtc1.registers());
        bus.mapDevice(nvmc.registers());
        bus.mapDevice(rtc2.registers());
        bus.mapDevice(uarte1.registers());
        bus.mapDevice(p0.registers());
        bus.mapDevice(p1.registers());
        bus.attachFlashController(flashRegion, nvmc);
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

    public ClockPowerModel clockPower() {
        return clockPower;
    }

    public UarteModel uarte0() {
        return uarte0;
    }

    public UarteModel uarte1() {
        return uarte1;
    }

    public UartLink uartLink0() {
        return uartLink0;
    }

    public UartLink uartLink1() {
        return uartLink1;
    }

    public RtcModel rtc0() {
        return rtc0;
    }

    public RtcModel rtc1() {
        return rtc1;
    }

    public RtcModel rtc2() {
        return rtc2;
    }

    /** TIMER0 … TIMER4. */
    public TimerModel timer(int instance) {
        return timers[instance];
    }

    public GpioteModel gpiote() {
        return gpiote;
    }

    public RngModel rng() {
        return rng;
    }

    public TempModel temp() {
        return temp;
    }

    public NvmcModel nvmc() {
        return nvmc;
    }

    public TwimModel twim0() {
        return twim0;
    }

    public SpimModel spim0() {
        return spim0;
    }

    public SharedInstanceSlot spim0Twim0() {
        return spim0Twim0;
    }

    /** The die temperature the TEMP sensor measures, °C. */
    public SensorValue temperature() {
        return temperature;
    }

    public I2cBus i2cBus0() {
        return i2cBus0;
    }

    public SpiBus spiBus0() {
        return spiBus0;
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
