package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.SpimModel.*;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.chips.nrf52.hardware.SharedInstanceSlot;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.hil.spi.ClockPhase;
import org.tock4j.kernel.hil.spi.ClockPolarity;
import org.tock4j.kernel.hil.spi.SpiMaster;
import org.tock4j.kernel.hil.spi.SpiMasterClient;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The SPI master HIL on the nRF52 SPIM with EasyDMA, as Tock's driver does it: the chip select is a GPIO
 * (active low) driven around each transfer; the SPIM is enabled for the transfer and disabled again by the
 * END interrupt, which hands both buffers back.
 *
 * <pre>{@code
 * Spim spi = chip.spim0();
 * spi.configure(20, 21, 19);            // MOSI P0.20, MISO P0.21, SCK P0.19
 * spi.specifyChipSelect(17);            // P0.17, active low
 * spi.setRate(4_000_000);
 * spi.setClient((write, read, status) -> ...);
 * spi.readWriteBytes(tx, rx, 4);
 * }</pre>
 *
 * <p>Tock hands EasyDMA the caller's buffers; here they go through DMA buffers of {@code dmaBufferSize}
 * bytes in the chip's driver RAM, and a longer transfer is refused with {@code SIZE}. The HIL's
 * {@code specifyChipSelect(int)} takes a pin number (Tock passes a {@code ChipSelectPolar} pin and
 * polarity): chip selects are active low. A transfer while one is in progress is {@code BUSY} (Tock
 * debug-asserts).
 *
 * <p>Tock counterpart: {@code nrf52::spi::SPIM}.
 */
public final class Spim implements SpiMaster {
    private static final int ENABLE = SharedInstanceSlot.ENABLE;

    /** SCK rates, as FREQUENCY values. Tock counterpart: {@code nrf52::spi::Frequency}. */
    public enum Frequency {
        K125(0x0200_0000, 125_000),
        K250(0x0400_0000, 250_000),
        K500(0x0800_0000, 500_000),
        M1(0x1000_0000, 1_000_000),
        M2(0x2000_0000, 2_000_000),
        M4(0x4000_0000, 4_000_000),
        M8(0x8000_0000, 8_000_000);

        private final int register;
        private final int rate;

        Frequency(int register, int rate) {
            this.register = register;
            this.rate = rate;
        }

        /** The FREQUENCY register value. */
        public int register() {
            return register;
        }

        /** SCK in Hz. */
        public int spiRate() {
            return rate;
        }

        /** The fastest rate not above {@code hz} (at least 125 kHz). */
        public static Frequency fromSpiRate(int hz) {
            Frequency chosen = K125;
            for (Frequency f : values()) {
                if (hz >= f.rate) {
                    chosen = f;
                }
            }
            return chosen;
        }

        /** The rate a FREQUENCY register value selects, if it is one of the documented ones. */
        public static Optional<Frequency> fromRegister(int value) {
            for (Frequency f : values()) {
                if (f.register == value) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final MmioRegisters regs;
    private final PhysicalMemory bus;
    private final IntFunction<? extends Pin> pins;
    private final int txDmaBuffer;
    private final int rxDmaBuffer;
    private final int dmaBufferSize;
    private SpiMasterClient client;
    private Pin chipSelect;
    private boolean busy;
    private byte[] txBuf;
    private byte[] rxBuf;
    private int transferLen;

    /**
     * The SPIM at {@code base}; {@code pins} gives the GPIO pin for a chip-select number; EasyDMA buffers of
     * {@code dmaBufferSize} bytes in RAM at {@code txDmaBuffer} and {@code rxDmaBuffer}.
     */
    public Spim(PhysicalMemory bus, int base, IntFunction<? extends Pin> pins, int txDmaBuffer, int rxDmaBuffer,
            int dmaBufferSize) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.regs = new MmioRegisters(bus, base);
        this.pins = Objects.requireNonNull(pins, "pins");
        this.txDmaBuffer = txDmaBuffer;
        this.rxDmaBuffer = rxDmaBuffer;
        this.dmaBufferSize = dmaBufferSize;
    }

    /** Connects MOSI, MISO and SCK to pins (numbers as Tock's {@code Pinmux}). */
    public void configure(int mosi, int miso, int sck) {
        regs.write(PSEL_MOSI, mosi & 0x3F);
        regs.write(PSEL_MISO, miso & 0x3F);
        regs.write(PSEL_SCK, sck & 0x3F);
    }

    public void enable() {
        regs.write(ENABLE, ENABLE_SPIM);
    }

    public void disable() {
        regs.write(ENABLE, 0);
    }

    public boolean isEnabled() {
        return (regs.read(ENABLE) & 0xF) == ENABLE_SPIM;
    }

    /** The SPI0_TWI0 interrupt while the TWIM is not enabled: END completes the transfer. */
    public void handleInterrupt() {
        if (regs.read(EVENTS_END) != 0) {
            if (chipSelect != null) {
                chipSelect.set();
            }
            regs.write(EVENTS_END, 0);
            int received = rxBuf == null ? 0 : Math.min(regs.read(RXD_AMOUNT) & MAXCNT_MASK, transferLen);
            disable();
            busy = false;
            byte[] tx = txBuf;
            byte[] rx = rxBuf;
            txBuf = null;
            rxBuf = null;
            if (rx != null && received > 0) {
                bus.read(rxDmaBuffer, rx, 0, received);
            }
            if (client != null && tx != null) {
                client.readWriteDone(tx, rx, Result.ok(transferLen));
            }
        }
        if (regs.read(EVENTS_STOPPED) != 0) {
            regs.write(EVENTS_STOPPED, 0);
        }
        if (regs.read(EVENTS_ENDRX) != 0) {
            regs.write(EVENTS_ENDRX, 0);
        }
        if (regs.read(EVENTS_ENDTX) != 0) {
            regs.write(EVENTS_ENDTX, 0);
        }
        if (regs.read(EVENTS_STARTED) != 0) {
            regs.write(EVENTS_STARTED, 0);
        }
    }

    // ---- SpiMaster ----

    @Override
    public void setClient(SpiMasterClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, ErrorCode> init() {
        return Result.ok();
    }

    @Override
    public boolean isBusy() {
        return busy;
    }

    @Override
    public Result<Void, RejectedBuffers> readWriteBytes(byte[] writeBuffer, byte[] readBuffer, int len) {
        if (busy) {
            return Result.err(new RejectedBuffers(ErrorCode.BUSY, writeBuffer, readBuffer));
        }
        if (chipSelect == null) {
            return Result.err(new RejectedBuffers(ErrorCode.NODEVICE, writeBuffer, readBuffer));
        }
        if (len < 0 || len > writeBuffer.length || (readBuffer != null && len > readBuffer.length)
                || len > dmaBufferSize) {
            return Result.err(new RejectedBuffers(ErrorCode.SIZE, writeBuffer, readBuffer));
        }
        chipSelect.clear();
        bus.write(txDmaBuffer, writeBuffer, 0, len);
        regs.write(TXD_PTR, txDmaBuffer);
        regs.write(TXD_MAXCNT, len);
        txBuf = writeBuffer;
        if (readBuffer == null) {
            regs.write(RXD_PTR, 0);
            regs.write(RXD_MAXCNT, 0);
            rxBuf = null;
        } else {
            regs.write(RXD_PTR, rxDmaBuffer);
            regs.write(RXD_MAXCNT, len);
            rxBuf = readBuffer;
        }
        transferLen = len;
        busy = true;
        regs.write(INTENSET, INT_END);
        enable();
        regs.write(TASKS_START, 1);
        return Result.ok();
    }

    /** Selects the device whose chip select is GPIO pin {@code cs} (Tock's pin numbering), active low. */
    @Override
    public Result<Void, ErrorCode> specifyChipSelect(int cs) {
        Pin pin;
        try {
            pin = pins.apply(cs);
        } catch (IllegalArgumentException noSuchPin) {
            return Result.err(ErrorCode.INVAL);
        }
        pin.makeOutput();
        pin.set();
        chipSelect = pin;
        return Result.ok();
    }

    @Override
    public Result<Integer, ErrorCode> setRate(int rate) {
        Frequency f = Frequency.fromSpiRate(rate);
        regs.write(FREQUENCY, f.register());
        return Result.ok(f.spiRate());
    }

    @Override
    public int getRate() {
        return Frequency.fromRegister(regs.read(FREQUENCY)).map(Frequency::spiRate).orElse(0);
    }

    @Override
    public Result<Void, ErrorCode> setPolarity(ClockPolarity polarity) {
        regs.modify(CONFIG, CONFIG_CPOL_ACTIVE_LOW, polarity == ClockPolarity.IdleHigh ? CONFIG_CPOL_ACTIVE_LOW : 0);
        return Result.ok();
    }

    @Override
    public ClockPolarity getPolarity() {
        return regs.isSet(CONFIG, CONFIG_CPOL_ACTIVE_LOW) ? ClockPolarity.IdleHigh : ClockPolarity.IdleLow;
    }

    @Override
    public Result<Void, ErrorCode> setPhase(ClockPhase phase) {
        regs.modify(CONFIG, CONFIG_CPHA_TRAILING, phase == ClockPhase.SampleTrailing ? CONFIG_CPHA_TRAILING : 0);
        return Result.ok();
    }

    @Override
    public ClockPhase getPhase() {
        return regs.isSet(CONFIG, CONFIG_CPHA_TRAILING) ? ClockPhase.SampleTrailing : ClockPhase.SampleLeading;
    }
}
