package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.Nrf52840MemoryMap.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.cortexm.CortexMCpu;
import org.tock4j.chips.cortexm.CortexMMpu;
import org.tock4j.chips.cortexm.Nvic;
import org.tock4j.chips.cortexm.SysTick;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.nrf52.hardware.Nrf52840Hardware;
import org.tock4j.chips.nrf5x.GpioPin;
import org.tock4j.chips.nrf5x.GpioPort;
import org.tock4j.chips.nrf5x.Rtc;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.platform.Chip;

/**
 * An emulated nRF52840: a 64 MHz Cortex-M4 with 1 MiB flash and 256 KiB RAM, its NVIC, SysTick and MPU,
 * UARTE0, RTC1 and GPIO P0/P1, on its own virtual clock; and Tock's drivers for all of them.
 *
 * <pre>{@code
 * Nrf52840 chip = new Nrf52840(Nrf52840.Config.defaults());
 * chip.uarte0().initialize(6, 8, OptionalInt.empty(), OptionalInt.empty());
 * chip.rtc1().start();
 * Led led = new LedLow(chip.gpioPin(0, 13));
 * ... kernel loop: chip.servicePendingInterrupts(), chip.sleep() ...
 * chip.uartLink(0).transmittedText();
 * chip.pin(0, 13).edges();
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

    public Nrf52840() {
        this(Nrf52840.Config.defaults());
    }

    public Nrf52840(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.hardware = new Nrf52840Hardware(config.pacing());
        this.core = hardware.core();
        MemoryBus bus = hardware.bus();
        Uarte uarte0 = new Uarte(bus, UARTE0_BASE, UARTE0_TX_DMA_BUFFER, UARTE0_RX_DMA_BUFFER);
        Rtc rtc = new Rtc(bus, RTC1_BASE);
        List<GpioPin> pins = new ArrayList<>();
        for (int n = 0; n < 48; n++) {
            pins.add(new GpioPin(bus, n));
        }
        this.peripherals = new Nrf52840DefaultPeripherals(new Nrf52DefaultPeripherals(uarte0, rtc),
                new GpioPort(pins));
        core.nvic().enableAll();
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

    /** The outside world's end of UARTE{@code instance} (only UARTE0 is modelled). */
    public UartLink uartLink(int instance) {
        if (instance != 0) {
            throw new IllegalArgumentException("only UARTE0 is modelled, not UARTE" + instance);
        }
        return hardware.uartLink0();
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
