package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.Sam4lMemoryMap.*;

import java.util.LinkedHashMap;
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
import org.tock4j.chips.sam4l.hardware.Sam4lHardware;
import org.tock4j.chips.sam4l.hardware.SpiModel;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.platform.Chip;

/**
 * An emulated ATSAM4LC8C: a 48 MHz Cortex-M4 with 512 KiB flash and 64 KiB RAM, its NVIC, SysTick and MPU,
 * and the peripherals Tock's imix and Hail boards use, on its own virtual clock; with Tock's drivers for all
 * of them.
 *
 * <pre>{@code
 * Sam4l chip = new Sam4l(Sam4l.Config.defaults());
 * chip.peripherals().setupCircularDeps(deferredCalls);
 * chip.pm().setupSystemClock(new SystemClockSource.PllExternalOscillatorAt48MHz(
 *         OscillatorFrequency.Frequency16MHz, OscillatorStartup.FastStart), chip.flash());
 * chip.bpm().setCk32Source(Bpm.Ck32Source.RC32K);
 * chip.usart(3).setMode(UsartMode.Uart);
 * chip.ast().configure(muxAlarm);
 * ... kernel loop: chip.servicePendingInterrupts(), chip.sleep() ...
 * chip.uartLink(3).transmittedText();
 * chip.pin('C', 22).edges();
 * chip.i2cBus(2).attach(si7021);                       // an I2cDevice answering 0x40 on TWIM2
 * chip.spiBus().attach(chip.spiChipSelect(3), radio);  // an SpiDevice behind NPCS3
 * chip.analogInput(1).set(1650);                       // mV on pad AD1
 * }</pre>
 *
 * <p>Construction does what Tock's {@code sam4l::init} does at reset (every NVIC line disabled, cleared,
 * then enabled) and wires the PDCA channels to their drivers. The board does the rest, as in Tock's
 * {@code main}: the deferred calls, the system clock (the chip starts on the 115 kHz RCSYS, so peripherals
 * run that slowly until then; the emulated core always executes at 48 MHz), the 32 kHz source.
 *
 * <p>Sleeping is WFI; whether Tock would choose deep sleep ({@link PowerManager#deepSleepReady}) changes
 * nothing here.
 *
 * <p>Tock counterpart: {@code sam4l::chip::Sam4l} with {@code Sam4lDefaultPeripherals}.
 */
public final class Sam4l implements Chip {

    /**
     * How to build an emulated SAM4L.
     *
     * <p>Tock counterpart: none; a real chip's randomness and timing come from the physical world.
     *
     * @param seed seeds every source of randomness of the chip (the TRNG), so runs repeat
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

    /** Services in one {@link #servicePendingInterrupts} call that mean a line nothing can clear. */
    public static final int INTERRUPT_STORM_LIMIT = 100_000;

    private final Config config;
    private final Sam4lHardware hardware;
    private final CortexM4 core;
    private final Sam4lDefaultPeripherals peripherals;
    private final CortexMFaults faults;

    public Sam4l() {
        this(Config.defaults());
    }

    public Sam4l(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.hardware = new Sam4lHardware(config.pacing(), config.seed());
        this.core = hardware.core();
        BusyWait spin = new BusyWait(core.cpu(), hardware.clock());
        this.peripherals = new Sam4lDefaultPeripherals(hardware.bus(), hardware.cpuBus(), spin);
        Nvic nvic = core.nvic();
        nvic.disableAll();
        nvic.clearAllPending();
        nvic.enableAll();
        this.faults = new CortexMFaults("SAM4L", core, interruptsByName(),
                hardware.flashcalw()::failNextPageWrite);
    }

    /** The interrupt lines Tock's drivers service, by peripheral name, in interrupt number order. */
    private static Map<String, Integer> interruptsByName() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("FLASHCALW", Sam4lInterrupts.HFLASHC);
        for (int n = 0; n < 16; n++) {
            lines.put("PDCA" + n, Sam4lInterrupts.pdca(n));
        }
        for (int n = 0; n < 12; n++) {
            lines.put("GPIO" + n, Sam4lInterrupts.gpio(n));
        }
        lines.put("AST", Sam4lInterrupts.ASTALARM);
        lines.put("SPI", Sam4lInterrupts.SPI);
        lines.put("TWIM0", Sam4lInterrupts.TWIM0);
        lines.put("TWIM1", Sam4lInterrupts.TWIM1);
        for (int n = 0; n < 4; n++) {
            lines.put("USART" + n, Sam4lInterrupts.USART0 + n);
        }
        lines.put("ADCIFE", Sam4lInterrupts.ADCIFE);
        lines.put("TRNG", Sam4lInterrupts.TRNG);
        lines.put("TWIM2", Sam4lInterrupts.TWIM2);
        lines.put("TWIM3", Sam4lInterrupts.TWIM3);
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

    /**
     * Services every pending interrupt, lowest number first, then clears and re-enables its line.
     *
     * <p>A line its handler cannot lower (say, a peripheral whose PM clock was masked with its interrupt
     * request raised, so the handler's writes are ignored) would keep the silicon in this loop forever;
     * here, {@value #INTERRUPT_STORM_LIMIT} services without virtual time passing are a kernel panic naming
     * the interrupt.
     */
    @Override
    public void servicePendingInterrupts() {
        Nvic nvic = core.nvic();
        OptionalInt next;
        int serviced = 0;
        while ((next = nvic.nextPending()).isPresent()) {
            int interrupt = next.getAsInt();
            if (!peripherals.serviceInterrupt(interrupt)) {
                throw new KernelPanic("unhandled interrupt " + interrupt);
            }
            nvic.clearPending(interrupt);
            nvic.enable(interrupt);
            if (++serviced >= INTERRUPT_STORM_LIMIT) {
                throw new KernelPanic("interrupt " + interrupt + " is still pending after " + serviced
                        + " services at " + clock().now() + " ns: its handler cannot clear it");
            }
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

    /** The physical address space (as a debugger sees it: flash writes program the array directly). */
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

    public Sam4lDefaultPeripherals peripherals() {
        return peripherals;
    }

    public PowerManager pm() {
        return peripherals.pm();
    }

    public Bpm bpm() {
        return peripherals.bpm();
    }

    public Scif scif() {
        return peripherals.scif();
    }

    public Bscif bscif() {
        return peripherals.bscif();
    }

    /** The AST, the kernel's alarm; boards call {@link Ast#configure} at boot. */
    public Ast ast() {
        return peripherals.ast();
    }

    /** USART{@code n} (0–3). */
    public Usart usart(int n) {
        return peripherals.usart(checkRange("USART", n, 3));
    }

    /** The outside world's end of USART{@code n}, named {@code USARTn}. */
    public UartLink uartLink(int n) {
        return hardware.usart(checkRange("USART", n, 3)).link();
    }

    /** The driver of pin P{@code port}{@code pin} ({@code gpioPin('C', 22)} is PC22). */
    public GpioPin gpioPin(char port, int pin) {
        return peripherals.port(port).pin(checkRange("pin P" + port, pin, 31));
    }

    /** The wire of pin P{@code port}{@code pin}, named like {@code PC22}, as the outside world sees it. */
    public PinWire pin(char port, int pin) {
        return hardware.port(port).wire(checkRange("pin P" + port, pin, 31));
    }

    public Trng trng() {
        return peripherals.trng();
    }

    /**
     * Fault injection for tests.
     *
     * <ul>
     *   <li>{@code dropNextInterrupt(name)}: the names are {@code FLASHCALW}, {@code PDCA0}..{@code PDCA15},
     *       {@code GPIO0}..{@code GPIO11} (eight pins each, port A first), {@code AST} (its alarm line),
     *       {@code SPI}, {@code TWIM0}..{@code TWIM3}, {@code USART0}..{@code USART3}, {@code ADCIFE},
     *       {@code TRNG}. A lost AST alarm interrupt leaves SR.ALARM0 set and the alarm mux waiting for an alarm
     *       that already fired, until the next {@code set_alarm} or {@code disarm} clears it (Tock's
     *       {@code clear_alarm}).</li>
     *   <li>{@code failNextFlashWrite()}: the FLASHCALW refuses the next write page command with FSR.PROGE and
     *       programs nothing. {@link Flashcalw} checks FSR as Tock's {@code is_error} does, LOCKE first and
     *       PROGE in a second read, and reading FSR clears both flags: the driver misses PROGE and reports the
     *       write {@code Ok} to its client. The page was erased just before, so it reads all ones.</li>
     * </ul>
     *
     * A framing error on a USART is the link's: {@link UartLink#feedFramingError()}. The USART sets CSR.FRAME;
     * {@link Usart}, which enables the FRAME interrupt while it receives, aborts the reception and its client
     * hears {@code FramingError} with {@code Err(FAIL)}, as in Tock.
     */
    public CortexMFaults faults() {
        return faults;
    }

    /** The flash controller (the flash HIL, 512-byte pages). */
    public Flashcalw flash() {
        return peripherals.flashController();
    }

    /** The I2C master on TWIM{@code n} (0–3; imix uses 2, Hail 1). */
    public I2cHw i2c(int n) {
        return peripherals.i2c(checkRange("TWIM", n, 3));
    }

    /** The devices on TWIM{@code n}'s bus, named {@code I2C0}..{@code I2C3}. */
    public I2cBus i2cBus(int n) {
        return hardware.twim(checkRange("TWIM", n, 3)).bus();
    }

    /** The SPI master. */
    public SpiHw spi() {
        return peripherals.spi();
    }

    /**
     * The devices on the SPI bus, each behind a chip select wire: one of the SPI's own
     * {@link #spiChipSelect(int) NPCS lines}, or a GPIO pin's wire a driver toggles. MISO is pulled up: a
     * frame no device answers reads all ones.
     */
    public SpiBus spiBus() {
        return hardware.spi().bus();
    }

    /** The SPI's chip select line NPCS{@code n} (0–3), driven high by the SPI, low while it selects. */
    public PinWire spiChipSelect(int n) {
        return hardware.spi().chipSelect(checkRange("NPCS", n, SpiModel.CHIP_SELECTS - 1));
    }

    public Adc adc() {
        return peripherals.adc();
    }

    /** The voltage on ADC pad AD{@code n} (0–14), in millivolts ({@code AD0}..{@code AD14}, 0 mV at reset). */
    public SensorValue analogInput(int n) {
        return hardware.analogInput(checkRange("AD", n, 14));
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

    private static int checkRange(String what, int n, int max) {
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("the SAM4L has " + what + " 0.." + max + ", not " + n);
        }
        return n;
    }

    Sam4lHardware hardware() {
        return hardware;
    }

    @Override
    public String toString() {
        return "Sam4l[" + clock().now() + " ns]";
    }
}
