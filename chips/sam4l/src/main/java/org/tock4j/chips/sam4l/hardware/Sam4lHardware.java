package org.tock4j.chips.sam4l.hardware;

import static org.tock4j.chips.sam4l.Sam4lMemoryMap.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tock4j.chips.cortexm.CortexM4;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.MemoryRegion;
import org.tock4j.chips.emulator.Pacing;
import org.tock4j.chips.emulator.PagedMemory;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.mmio.UnmodelledSpace;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.SensorValue;
import org.tock4j.chips.emulator.world.UartLink;
import org.tock4j.chips.sam4l.Sam4lInterrupts;
import org.tock4j.chips.sam4l.Sam4lMemoryMap;
import org.tock4j.chips.sam4l.hardware.ClockTree.Bus;

/**
 * The ATSAM4LC8C silicon: clock, flash, RAM, the Cortex-M4 core, the clock system and the modelled
 * peripherals at their datasheet addresses, each behind its PM clock; the rest of the peripheral space
 * answers as unmodelled (stores, logs once, never faults).
 */
public final class Sam4lHardware {
    public static final int CPU_HZ = 48_000_000;
    /** Priority bits the SAM4L's NVIC implements. */
    public static final int PRIORITY_BITS = 4;

    private final VirtualClock clock;
    private final MemoryBus bus = new MemoryBus();
    private final PagedMemory flash = new PagedMemory(FLASH_SIZE, (byte) 0xFF);
    private final PagedMemory ram = new PagedMemory(RAM_SIZE, (byte) 0x00);
    private final MemoryRegion flashRegion;
    private final CortexM4 core;
    private final ClockTree tree = new ClockTree();
    private final PmModel pm;
    private final ScifModel scif;
    private final BscifModel bscif;
    private final BpmModel bpm;
    private final PdcaModel pdca;
    private final AstModel ast;
    private final UsartModel[] usarts = new UsartModel[4];
    private final GpioPortModel[] ports = new GpioPortModel[3];
    private final TrngModel trng;
    private final FlashcalwModel flashcalw;
    private final TwimModel[] twims = new TwimModel[4];
    private final SpiModel spi;
    private final AdcifeModel adcife;
    private final List<SensorValue> analogInputs = new ArrayList<>();
    private final CpuBus cpuBus;

    public Sam4lHardware(Pacing pacing, long seed) {
        clock = new VirtualClock(Objects.requireNonNull(pacing, "pacing"));
        flashRegion = bus.mapMemory("FLASH", FLASH_START, flash, RegionKind.FLASH);
        bus.mapMemory("RAM", RAM_START, ram, RegionKind.RAM);
        core = new CortexM4(clock, bus, CPU_HZ, Sam4lInterrupts.LINES, PRIORITY_BITS);

        pm = new PmModel(tree, line(Sam4lInterrupts.PM));
        scif = new ScifModel(tree, line(Sam4lInterrupts.SCIF));
        bscif = new BscifModel(tree, line(Sam4lInterrupts.BSCIF));
        bpm = new BpmModel(tree, line(Sam4lInterrupts.BPM));
        tree.connect(pm, scif, bscif, bpm);
        bus.mapDevice(pm.registers());
        bus.mapDevice(scif.registers());
        bus.mapDevice(bscif.registers());
        bus.mapDevice(bpm.registers());

        PeripheralClock pdcaClock = tree.peripheral("PDCA", Bus.HSB, PmModel.HSB_PDCA, Bus.PBB, PmModel.PBB_PDCA);
        pdca = new PdcaModel(bus, pdcaClock, n -> line(Sam4lInterrupts.pdca(n)));
        mapGated(pdca.registers(), pdcaClock);

        ast = new AstModel(clock, tree, line(Sam4lInterrupts.ASTALARM), line(Sam4lInterrupts.ASTPER),
                line(Sam4lInterrupts.ASTOVF), line(Sam4lInterrupts.ASTREADY), line(Sam4lInterrupts.ASTCLKREADY));
        mapGated(ast.registers(), tree.peripheral("AST", Bus.PBD, PmModel.PBD_AST));

        for (int n = 0; n < 4; n++) {
            String name = "USART" + n;
            PeripheralClock gate = tree.peripheral(name, Bus.PBA, PmModel.PBA_USART0 + n);
            usarts[n] = new UsartModel(name, usartBase(n), clock, gate, pdca, PdcaModel.PID_USART0_RX + n,
                    line(Sam4lInterrupts.USART0 + n), new UartLink(name, clock));
            mapGated(usarts[n].registers(), gate);
        }

        PeripheralClock gpioClock = tree.peripheral("GPIO", Bus.PBC, PmModel.PBC_GPIO);
        for (int p = 0; p < 3; p++) {
            InterruptLine[] lines = new InterruptLine[4];
            for (int g = 0; g < 4; g++) {
                lines[g] = line(Sam4lInterrupts.gpio(4 * p + g));
            }
            ports[p] = new GpioPortModel((char) ('A' + p), GPIO_BASE + p * GPIO_PORT_SIZE, clock, gpioClock, lines);
            mapGated(ports[p].registers(), gpioClock);
        }

        PeripheralClock trngClock = tree.peripheral("TRNG", Bus.PBA, PmModel.PBA_TRNG);
        trng = new TrngModel(clock, trngClock, line(Sam4lInterrupts.TRNG), seed);
        mapGated(trng.registers(), trngClock);

        PeripheralClock flashClock = tree.peripheral("FLASHCALW", Bus.HSB, PmModel.HSB_FLASHCALW, Bus.PBB,
                PmModel.PBB_FLASHCALW);
        flashcalw = new FlashcalwModel(flash, clock, flashClock, line(Sam4lInterrupts.HFLASHC));
        mapGated(flashcalw.registers(), flashClock);
        cpuBus = new CpuBus(bus, flashRegion, flashcalw);

        int[] twimBits = {PmModel.PBA_TWIM0, PmModel.PBA_TWIM1, PmModel.PBA_TWIM2, PmModel.PBA_TWIM3};
        for (int n = 0; n < 4; n++) {
            String name = "TWIM" + n;
            PeripheralClock gate = tree.peripheral(name, Bus.PBA, twimBits[n]);
            twims[n] = new TwimModel(name, twimBase(n), clock, gate, pdca, PdcaModel.PID_TWIM0_RX + n,
                    PdcaModel.PID_TWIM0_TX + n, line(Sam4lInterrupts.twim(n)), new I2cBus("I2C" + n));
            mapGated(twims[n].registers(), gate);
        }

        PeripheralClock spiClock = tree.peripheral("SPI", Bus.PBA, PmModel.PBA_SPI);
        spi = new SpiModel(clock, spiClock, pdca, line(Sam4lInterrupts.SPI));
        mapGated(spi.registers(), spiClock);

        for (int n = 0; n < AdcifeModel.PADS; n++) {
            analogInputs.add(new SensorValue("AD" + n, "mV", 0, clock));
        }
        PeripheralClock adcClock = tree.peripheral("ADCIFE", Bus.PBA, PmModel.PBA_ADCIFE);
        adcife = new AdcifeModel(clock, tree, adcClock, pdca, line(Sam4lInterrupts.ADCIFE), analogInputs);
        mapGated(adcife.registers(), adcClock);

        bus.mapBackground(PERIPHERALS_START, PERIPHERALS_SIZE,
                new UnmodelledSpace("SAM4L peripherals", Sam4lMemoryMap::peripheralAt, 0));
        bus.mapBackground(PRIVATE_PERIPHERALS_START, PRIVATE_PERIPHERALS_SIZE,
                new UnmodelledSpace("Cortex-M4 private peripherals",
                        a -> (a & ~0xFFF) == 0xE000_E000 ? "System Control Space (SCB)" : String.format(
                                "Cortex-M private peripheral 0x%08X", a & ~0xFFF), 0));
        // Every peripheral clock takes its reset state.
        tree.changed();
    }

    private InterruptLine line(int irq) {
        return core.interruptLine(irq);
    }

    private void mapGated(RegisterBank bank, PeripheralClock gate) {
        bus.mapDevice(bank.windowStart(), bank.windowSize(), new GatedDevice(bank, gate));
    }

    public VirtualClock clock() {
        return clock;
    }

    public MemoryBus bus() {
        return bus;
    }

    /** The CPU's view of the address space: flash stores fill the FLASHCALW page buffer. */
    public CpuBus cpuBus() {
        return cpuBus;
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

    public ClockTree clockTree() {
        return tree;
    }

    public PmModel pm() {
        return pm;
    }

    public ScifModel scif() {
        return scif;
    }

    public BscifModel bscif() {
        return bscif;
    }

    public BpmModel bpm() {
        return bpm;
    }

    public PdcaModel pdca() {
        return pdca;
    }

    public AstModel ast() {
        return ast;
    }

    public UsartModel usart(int n) {
        return usarts[Objects.checkIndex(n, 4)];
    }

    /** GPIO port {@code 'A'}, {@code 'B'} or {@code 'C'}. */
    public GpioPortModel port(char letter) {
        int index = letter - 'A';
        if (index < 0 || index > 2) {
            throw new IllegalArgumentException("the SAM4L has GPIO ports A, B and C, not " + letter);
        }
        return ports[index];
    }

    public TrngModel trng() {
        return trng;
    }

    public FlashcalwModel flashcalw() {
        return flashcalw;
    }

    public TwimModel twim(int n) {
        return twims[Objects.checkIndex(n, 4)];
    }

    public SpiModel spi() {
        return spi;
    }

    public AdcifeModel adcife() {
        return adcife;
    }

    /** The voltage on pad AD{@code n}, in millivolts. */
    public SensorValue analogInput(int n) {
        return analogInputs.get(Objects.checkIndex(n, AdcifeModel.PADS));
    }
}
