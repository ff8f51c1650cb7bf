package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.Nrf52840MemoryMap.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.cortexm.CortexMCpu;
import org.tock4j.chips.cortexm.CortexMFaults;
import org.tock4j.chips.cortexm.CortexMMpu;
import org.tock4j.chips.cortexm.Nvic;
import org.tock4j.chips.cortexm.SysTick;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.nrf52.hardware.Nrf52840Hardware;
import org.tock4j.chips.nrf5x.GpioPin;
import org.tock4j.chips.nrf5x.GpioPort;
import org.tock4j.chips.nrf5x.PeripheralInterrupts;
import org.tock4j.chips.nrf5x.Rtc;
import org.tock4j.chips.nrf5x.Temp;
import org.tock4j.chips.nrf5x.Timer;
import org.tock4j.chips.nrf5x.TimerAlarm;
import org.tock4j.chips.nrf5x.Trng;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * An emulated nRF52840: a 64 MHz Cortex-M4 with 1 MiB flash and 256 KiB RAM, its NVIC, SysTick and MPU, and
 * the peripherals CLOCK, POWER, UARTE0/1, RTC0/1/2, TIMER0–4, GPIO P0/P1 with GPIOTE, RNG, TEMP, NVMC and
 * SPIM0/TWIM0, on its own virtual clock; Tock's drivers for all of them; and the outside world they talk to
 * (pins, UART links, the die temperature, an I2C and an SPI bus).
 *
 * <pre>{@code
 * Nrf52840 chip = new Nrf52840(Nrf52840.Config.defaults());
 * chip.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
 * chip.rtc1().start();
 * Led led = new LedLow(chip.gpioPin(0, 13));
 * chip.i2cBus(0).attach(sensor);               // an I2cDevice for chip.twim0()
 * Nvmc flash = chip.nvmc(deferredCalls);       // the board's deferred calls
 * ... kernel loop: chip.servicePendingInterrupts(), chip.sleep() ...
 * chip.uartLink(0).transmittedText();
 * chip.pin(0, 13).edges();
 * chip.temperature().set(30.0);
 * }</pre>
 *
 * <p>Construction does what Tock's reset handler ({@code nrf52::crt1::init}) leaves behind that matters
 * here: every NVIC line enabled.
 *
 * <p>Tock counterpart: {@code nrf52::chip::NRF52} with {@code nrf52840::interrupt_service::
 * Nrf52840DefaultPeripherals}.
 */
public final class Nrf52840 implements Chip {

    /**
     * How to build an emulated nRF52840.
     *
     * <p>Tock counterpart: none; a real chip's randomness and timing come from the physical world.
     *
     * @param seed seeds every source of randomness of the chip (RNG peripherals), so runs repeat
     * @param pacing how idle virtual time relates to the wall clock
     */
    public record Config(long seed, Pacing pacing) {

        public Config {
            Objects.requireNonNull(pacing, "pacing");
        }

        /** Seed 0, full speed. */
        public static Config defaults() {
            return new Config(0, Pacing.fullSpeed());
        }

        public Config withSeed(long newSeed) {
            return new Config(newSeed, pacing);
        }

        public Config withPacing(Pacing newPacing) {
            return new Config(seed, newPacing);
        }
    }

    private final Config config;
    private final Nrf52840Hardware hardware;
    private final CortexM4 core;
    private final Nrf52840DefaultPeripherals peripherals;
    private final CortexMFaults faults;
    private Nvmc nvmc;
    private DeferredCalls nvmcDeferredCalls;

    public Nrf52840() {
        this(Nrf52840.Config.defaults());
    }

    public Nrf52840(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.hardware = new Nrf52840Hardware(config.pacing(), config.seed());
        this.core = hardware.core();
        PhysicalMemory bus = hardware.bus().cpuPort();
        List<GpioPin> pins = new ArrayList<>();
        for (int n = 0; n < 48; n++) {
            pins.add(new GpioPin(bus, n));
        }
        GpioPort gpioPort = new GpioPort(pins);
        Uarte uarte1 = new Uarte(bus, UARTE1_BASE, UARTE1_TX_DMA_BUFFER, UARTE1_RX_DMA_BUFFER);
        this.peripherals = new Nrf52840DefaultPeripherals(new Nrf52DefaultPeripherals(bus, core, gpioPort::pin),
                gpioPort, uarte1);
        core.nvic().enableAll();
        this.faults = new CortexMFaults("nRF52840", core, interruptsByName(), hardware.nvmc()::failNextPageWrite);
    }

    /** The modelled peripherals' interrupt lines by name, in interrupt number order. */
    private static Map<String, Integer> interruptsByName() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("POWER_CLOCK", PeripheralInterrupts.POWER_CLOCK);
        lines.put("UARTE0", PeripheralInterrupts.UART0);
        lines.put("TWIM0", PeripheralInterrupts.SPI0_TWI0);
        lines.put("SPIM0", PeripheralInterrupts.SPI0_TWI0);
        lines.put("GPIOTE", PeripheralInterrupts.GPIOTE);
        lines.put("TIMER0", PeripheralInterrupts.TIMER0);
        lines.put("TIMER1", PeripheralInterrupts.TIMER1);
        lines.put("TIMER2", PeripheralInterrupts.TIMER2);
        lines.put("RTC0", PeripheralInterrupts.RTC0);
        lines.put("TEMP", PeripheralInterrupts.TEMP);
        lines.put("RNG", PeripheralInterrupts.RNG);
        lines.put("RTC1", PeripheralInterrupts.RTC1);
        lines.put("TIMER3", PeripheralInterrupts.TIMER3);
        lines.put("TIMER4", PeripheralInterrupts.TIMER4);
        lines.put("RTC2", PeripheralInterrupts.RTC2);
        lines.put("UARTE1", Nrf52840Interrupts.UART1);
        return lines;
    }

    public Config config() {
        return config;
    }

    // ---- Chip ----

    @Override
    public CortexMMpu mpu() {
        return core.mpu();
    }

    /** Services every pending interrupt, lowest number first, then clears and re-enables its line. */
    @Override
    public void servicePendingInterrupts() {
        Nvic nvic = core.nvic();
        OptionalInt next;
        while ((next = nvic.nextPending()).isPresent()) {
            int interrupt = next.getAsInt();
            if (!peripherals.serviceInterrupt(interrupt)) {
                throw new KernelPanic("unhandled interrupt " + interrupt);
            }
            nvic.clearPending(interrupt);
            nvic.enable(interrupt);
        }
    }

    @Override
    public boolean hasPendingInterrupts() {
        return core.nvic().hasPending();
    }

    /**
     * WFI: with no interrupt pending, the clock sleeps from event to event until an interrupt is pending,
     * the clock's horizon is reached, or nothing remains to wait for (at full speed) or host input arrived
     * (realtime).
     */
    @Override
    public void sleep() {
        VirtualClock clock = hardware.clock();
        while (!core.nvic().hasPending() && clock.sleepUntilNextEvent()) {
            // an event ran without raising an interrupt: keep sleeping
        }
    }

    @Override
    public <R> R atomic(Supplier<R> f) {
        return core.atomic(f);
    }

    /** The physical address space. */
    @Override
    public MemoryBus memory() {
        return hardware.bus();
    }

    @Override
    public CortexMCpu cpu() {
        return core.cpu();
    }

    @Override
    public String printState() {
        return core.printCortexmState();
    }

    // ---- what boards and tests use ----

    public VirtualClock clock() {
        return hardware.clock();
    }

    public CortexM4 core() {
        return core;
    }

    public Nvic nvic() {
        return core.nvic();
    }

    /** The scheduler timer. */
    public SysTick systick() {
        return core.systick();
    }

    public Nrf52840DefaultPeripherals peripherals() {
        return peripherals;
    }

    /** UARTE0, the console UART. */
    public Uarte uarte0() {
        return peripherals.nrf52().uarte0();
    }

    /** RTC1, the kernel's alarm; boards call {@link Rtc#start()} at boot. */
    public Rtc rtc1() {
        return peripherals.nrf52().rtc();
    }

    /** RTC0 (three CC registers; the same alarm driver as RTC1). */
    public Rtc rtc0() {
        return peripherals.nrf52().rtc0();
    }

    /** RTC2 (the same alarm driver as RTC1). */
    public Rtc rtc2() {
        return peripherals.nrf52().rtc2();
    }

    /** UARTE1, the nRF52840's second UART. */
    public Uarte uarte1() {
        return peripherals.uarte1();
    }

    /** The CLOCK peripheral (HFXO and LFCLK control); {@link #clock()} is the virtual clock. */
    public Clock clockPeripheral() {
        return peripherals.nrf52().clock();
    }

    /** The POWER peripheral. */
    public Power power() {
        return peripherals.nrf52().power();
    }

    /** TIMER0 as an alarm (32 bits, 1 MHz by default), as Tock uses it. */
    public TimerAlarm timer0() {
        return peripherals.nrf52().timer0();
    }

    /** TIMER1 as an alarm, as Tock uses it. */
    public TimerAlarm timer1() {
        return peripherals.nrf52().timer1();
    }

    /** TIMER2, a plain timer with four CC registers. */
    public Timer timer2() {
        return peripherals.nrf52().timer2();
    }

    /** TIMER3, a plain timer with six CC registers. */
    public Timer timer3() {
        return peripherals.nrf52().timer3();
    }

    /** TIMER4, a plain timer with six CC registers. */
    public Timer timer4() {
        return peripherals.nrf52().timer4();
    }

    /** The RNG, as the random number HIL. */
    public Trng trng() {
        return peripherals.nrf52().trng();
    }

    /** The TEMP sensor, as the temperature HIL; it measures {@link #temperature()}. */
    public Temp temp() {
        return peripherals.nrf52().temp();
    }

    /** TWIM0, the I2C master on {@link #i2cBus(int) i2cBus(0)}; it shares ID 3 with SPIM0. */
    public Twim twim0() {
        return peripherals.nrf52().twim0();
    }

    /** SPIM0, the SPI master on {@link #spiBus(int) spiBus(0)}; it shares ID 3 with TWIM0. */
    public Spim spim0() {
        return peripherals.nrf52().spim0();
    }

    /**
     * The NVMC as the flash HIL, built on the first call with the board's deferred calls (its completion is a
     * deferred call, created and registered here as Tock's {@code Nrf52DefaultPeripherals::init} does); later
     * calls return the same driver.
     *
     * @throws IllegalStateException if asked again with different deferred calls
     */
    public Nvmc nvmc(DeferredCalls deferredCalls) {
        Objects.requireNonNull(deferredCalls, "deferredCalls");
        if (nvmc == null) {
            nvmc = new Nvmc(hardware.bus().cpuPort(), NVMC_BASE, FLASH_START, FLASH_SIZE / FLASH_PAGE_SIZE, core,
                    deferredCalls);
            nvmc.register();
            nvmcDeferredCalls = deferredCalls;
        } else if (nvmcDeferredCalls != deferredCalls) {
            throw new IllegalStateException("the NVMC driver was already built with other deferred calls");
        }
        return nvmc;
    }

    /**
     * Fault injection for tests.
     *
     * <ul>
     *   <li>{@code dropNextInterrupt(name)}: the names are {@code POWER_CLOCK}, {@code UARTE0}, {@code UARTE1},
     *       {@code TWIM0} and {@code SPIM0} (one shared line), {@code GPIOTE}, {@code TIMER0}..{@code TIMER4},
     *       {@code RTC0}..{@code RTC2}, {@code TEMP}, {@code RNG}. Tock's drivers clear an event only in their
     *       interrupt handler or when they start the next operation, so a lost interrupt stalls that
     *       peripheral's client: a lost RTC1 compare leaves the alarm mux waiting for an alarm that already
     *       fired (every alarm on RTC1 stops), a lost UARTE0 ENDTX leaves the console's write unfinished.</li>
     *   <li>{@code failNextFlashWrite()}: the NVMC leaves the next page written unprogrammed (see
     *       the NVMC model); it has no error flag, so
     *       {@link Nvmc} still reports {@code Ok} to its client, as Tock's driver does, and the page reads
     *       erased.</li>
     * </ul>
     *
     * A framing error on a UART is the link's: {@link UartLink#feedFramingError()}. The UARTE sets
     * ERRORSRC.FRAMING and the ERROR event and drops the byte; Tock's driver enables no ERROR interrupt, so a
     * reception in progress simply goes on without that byte.
     */
    public CortexMFaults faults() {
        return faults;
    }

    /** The die temperature TEMP measures, in °C (25 after reset). */
    public SensorValue temperature() {
        return hardware.temperature();
    }

    /** The I2C bus of TWIM{@code instance} (only TWIM0 is modelled). */
    public I2cBus i2cBus(int instance) {
        if (instance != 0) {
            throw new IllegalArgumentException("only TWIM0 is modelled, not TWIM" + instance);
        }
        return hardware.i2cBus0();
    }

    /** The SPI bus of SPIM{@code instance} (only SPIM0 is modelled). */
    public SpiBus spiBus(int instance) {
        if (instance != 0) {
            throw new IllegalArgumentException("only SPIM0 is modelled, not SPIM" + instance);
        }
        return hardware.spiBus0();
    }

    public GpioPort gpioPort() {
        return peripherals.gpioPort();
    }

    /** The driver of pin P{@code port}.{@code pin} (P0.0–P0.31, P1.0–P1.15). */
    public GpioPin gpioPin(int port, int pin) {
        return gpioPort().pin(pinNumber(port, pin));
    }

    /** The wire of pin P{@code port}.{@code pin}, as the outside world sees it. */
    public PinWire pin(int port, int pin) {
        pinNumber(port, pin);
        return hardware.port(port).wire(pin);
    }

    /** The outside world's end of UARTE{@code instance} (0 or 1). */
    public UartLink uartLink(int instance) {
        return switch (instance) {
            case 0 -> hardware.uartLink0();
            case 1 -> hardware.uartLink1();
            default -> throw new IllegalArgumentException("the nRF52840 has UARTE0 and UARTE1, not UARTE" + instance);
        };
    }

    /** The flash region: {@code [FLASH_START, FLASH_START + FLASH_SIZE)}. */
    public int flashStart() {
        return FLASH_START;
    }

    public int flashSize() {
        return FLASH_SIZE;
    }

    public int ramStart() {
        return RAM_START;
    }

    public int ramSize() {
        return RAM_SIZE;
    }

    private static int pinNumber(int port, int pin) {
        int pins = switch (port) {
            case 0 -> 32;
            case 1 -> 16;
            default -> throw new IllegalArgumentException("the nRF52840 has GPIO ports 0 and 1, not " + port);
        };
        if (pin < 0 || pin >= pins) {
            throw new IllegalArgumentException("P" + port + " has pins 0.." + (pins - 1) + ", not " + pin);
        }
        return port * 32 + pin;
    }

    Nrf52840Hardware hardware() {
        return hardware;
    }

    @Override
    public String toString() {
        return "Nrf52840[" + clock().now() + " ns]";
    }
}
