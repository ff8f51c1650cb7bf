package org.tock4j.chips.sam4l;

import java.util.Objects;

import org.tock4j.chips.cortexm.InterruptService;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The SAM4L's peripheral drivers and the interrupts they handle: the AST, four USARTs, sixteen PDCA channels,
 * GPIO ports A–C, the TRNG, the flash controller, four TWIMs, the SPI and the ADC.
 *
 * <pre>{@code
 * Sam4lDefaultPeripherals peripherals = chip.peripherals();
 * peripherals.setupCircularDeps(deferredCalls);   // once, at boot, as Tock's setup_circular_deps
 * peripherals.usart3().setMode(UsartMode.Uart);
 * }</pre>
 *
 * <p>The PDCA channels are wired as in Tock: 0/1 USART0 RX/TX, 2/3 USART1, 4/5 USART2, 6/7 USART3, 8/9 SPI
 * read/write, 10/11/12 TWIM0/1/2, 13 the ADC (16-bit; unused until an ADC high-speed HIL exists), 14 and 15
 * free.
 *
 * <p>Interrupts of peripherals Tock handles but tock4j does not model (CRCCU, USBC, TWIS, DACC, ACIFC, AESA,
 * EIC) are not dispatched: nothing raises them.
 *
 * <p>Tock counterpart: {@code sam4l::chip::Sam4lDefaultPeripherals}.
 */
public final class Sam4lDefaultPeripherals implements InterruptService {
    private final PowerManager pm;
    private final Scif scif;
    private final Bscif bscif;
    private final Bpm bpm;
    private final Ast ast;
    private final Usart[] usarts = new Usart[4];
    private final DmaChannel[] dmaChannels = new DmaChannel[16];
    private final GpioPort pa;
    private final GpioPort pb;
    private final GpioPort pc;
    private final Trng trng;
    private final Flashcalw flashController;
    private final I2cHw[] i2c = new I2cHw[4];
    private final SpiHw spi;
    private final Adc adc;
    private boolean deferredCallsSetUp;

    Sam4lDefaultPeripherals(PhysicalMemory bus, PhysicalMemory cpuBus, BusyWait spin) {
        GpioInterruptCount gpioInterrupts = new GpioInterruptCount();
        bscif = new Bscif(bus, spin);
        scif = new Scif(bus, bscif, spin);
        bpm = new Bpm(bus, spin);
        pm = new PowerManager(bus, scif, bscif, bpm, spin, gpioInterrupts);
        ast = new Ast(bus, pm, spin);
        DmaChannel.EnabledCount enabled = new DmaChannel.EnabledCount();
        for (int n = 0; n < dmaChannels.length; n++) {
            dmaChannels[n] = new DmaChannel(bus, pm, n, enabled);
        }
        for (int n = 0; n < 4; n++) {
            usarts[n] = new Usart(bus, n, pm);
            i2c[n] = new I2cHw(bus, n, pm);
        }
        pa = new GpioPort(bus, 'A', gpioInterrupts);
        pb = new GpioPort(bus, 'B', gpioInterrupts);
        pc = new GpioPort(bus, 'C', gpioInterrupts);
        trng = new Trng(bus, pm);
        flashController = new Flashcalw(bus, cpuBus, pm, spin);
        spi = new SpiHw(bus, pm, spin);
        adc = new Adc(bus, pm, scif);
        wireDma();
    }

    /** The DMA half of Tock's {@code setup_circular_deps}: each driver gets its channels. */
    private void wireDma() {
        for (int n = 0; n < 4; n++) {
            usarts[n].setDma(dmaChannels[2 * n], dmaChannels[2 * n + 1]);
            dmaChannels[2 * n].initialize(usarts[n], DmaWidth.Width8Bit);
            dmaChannels[2 * n + 1].initialize(usarts[n], DmaWidth.Width8Bit);
        }
        spi.setDma(dmaChannels[8], dmaChannels[9]);
        dmaChannels[8].initialize(spi, DmaWidth.Width8Bit);
        dmaChannels[9].initialize(spi, DmaWidth.Width8Bit);
        for (int n = 0; n < 3; n++) {
            i2c[n].setDma(dmaChannels[10 + n]);
            dmaChannels[10 + n].initialize(i2c[n], DmaWidth.Width8Bit);
        }
        dmaChannels[13].initialize(pid -> {}, DmaWidth.Width16Bit);
    }

    /**
     * The deferred-call half of Tock's {@code setup_circular_deps}: the USARTs (abort reports) and the flash
     * controller (read completions) get and register their deferred calls. Call once, before the kernel loop.
     */
    public void setupCircularDeps(DeferredCalls deferredCalls) {
        Objects.requireNonNull(deferredCalls, "deferredCalls");
        if (deferredCallsSetUp) {
            throw new IllegalStateException("setupCircularDeps was already called");
        }
        deferredCallsSetUp = true;
        flashController.useDeferredCall(deferredCalls.create());
        flashController.register();
        for (Usart usart : usarts) {
            usart.useDeferredCall(deferredCalls.create());
            usart.register();
        }
    }

    public PowerManager pm() {
        return pm;
    }

    public Scif scif() {
        return scif;
    }

    public Bscif bscif() {
        return bscif;
    }

    public Bpm bpm() {
        return bpm;
    }

    public Ast ast() {
        return ast;
    }

    public Usart usart(int n) {
        return usarts[Objects.checkIndex(n, 4)];
    }

    public DmaChannel dmaChannel(int n) {
        return dmaChannels[Objects.checkIndex(n, dmaChannels.length)];
    }

    public GpioPort pa() {
        return pa;
    }

    public GpioPort pb() {
        return pb;
    }

    public GpioPort pc() {
        return pc;
    }

    /** Port {@code 'A'}, {@code 'B'} or {@code 'C'}. */
    public GpioPort port(char letter) {
        return switch (letter) {
            case 'A' -> pa;
            case 'B' -> pb;
            case 'C' -> pc;
            default -> throw new IllegalArgumentException("the SAM4L has GPIO ports A, B and C, not " + letter);
        };
    }

    public Trng trng() {
        return trng;
    }

    public Flashcalw flashController() {
        return flashController;
    }

    public I2cHw i2c(int n) {
        return i2c[Objects.checkIndex(n, 4)];
    }

    public SpiHw spi() {
        return spi;
    }

    public Adc adc() {
        return adc;
    }

    @Override
    public boolean serviceInterrupt(int interrupt) {
        if (interrupt >= Sam4lInterrupts.PDCA0 && interrupt <= Sam4lInterrupts.PDCA15) {
            dmaChannels[interrupt - Sam4lInterrupts.PDCA0].handleInterrupt();
            return true;
        }
        if (interrupt >= Sam4lInterrupts.GPIO0 && interrupt <= Sam4lInterrupts.GPIO11) {
            int port = (interrupt - Sam4lInterrupts.GPIO0) / 4;
            (port == 0 ? pa : port == 1 ? pb : pc).handleInterrupt();
            return true;
        }
        switch (interrupt) {
            case Sam4lInterrupts.ASTALARM -> ast.handleInterrupt();
            case Sam4lInterrupts.USART0 -> usarts[0].handleInterrupt();
            case Sam4lInterrupts.USART1 -> usarts[1].handleInterrupt();
            case Sam4lInterrupts.USART2 -> usarts[2].handleInterrupt();
            case Sam4lInterrupts.USART3 -> usarts[3].handleInterrupt();
            case Sam4lInterrupts.SPI -> spi.handleInterrupt();
            case Sam4lInterrupts.TWIM0 -> i2c[0].handleInterrupt();
            case Sam4lInterrupts.TWIM1 -> i2c[1].handleInterrupt();
            case Sam4lInterrupts.TWIM2 -> i2c[2].handleInterrupt();
            case Sam4lInterrupts.TWIM3 -> i2c[3].handleInterrupt();
            case Sam4lInterrupts.HFLASHC -> flashController.handleInterrupt();
            case Sam4lInterrupts.ADCIFE -> adc.handleInterrupt();
            case Sam4lInterrupts.TRNG -> trng.handleInterrupt();
            default -> {
                return false;
            }
        }
        return true;
    }
}
