package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.SpiModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.spi.ClockPhase;
import org.tock4j.kernel.hil.spi.ClockPolarity;
import org.tock4j.kernel.hil.spi.SpiMaster;
import org.tock4j.kernel.hil.spi.SpiMasterClient;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The SPI master HIL on the SAM4L SPI with two PDCA channels (read and write), as Tock's driver does it: the
 * transfer starts both channels, each channel's completion counts down, and when both are done the SPI is
 * disabled (after the last frame has left, SR.TXEMPTY) and the client gets both buffers.
 *
 * <pre>{@code
 * SpiHw spi = chip.spi();
 * spi.init();
 * spi.specifyChipSelect(3);                 // NPCS3
 * spi.setRate(4_000_000);
 * spi.setClient((write, read, status) -> ...);
 * spi.readWriteBytes(tx, rx, 4);
 * }</pre>
 *
 * <p>Clock settings (rate, polarity, phase) belong to the chip select chosen when they are set, as CSR0–CSR3
 * do. The rate is {@code f(system) / SCBR}, SCBR rounded up, at least 188235 Hz. Every register access
 * switches the SPI's PM clock on, and off afterwards while the SPI is disabled (Tock's
 * {@code PeripheralManager}). Transfers larger than a channel's DMA buffer are {@code SIZE}.
 *
 * <p>Tock counterpart: {@code sam4l::spi::SpiHw} (master role; chip selects are numbers 0–3, Tock's
 * {@code Peripheral0}–{@code Peripheral3}).
 */
@SuppressWarnings("try") // a register manager is held for its clock, not referenced
public final class SpiHw implements SpiMaster, DmaClient {
    private final MmioRegisters registers;
    private final PowerManager pm;
    private final BusyWait spin;
    private SpiMasterClient client;
    private DmaChannel dmaRead;
    private DmaChannel dmaWrite;
    private int transfersInProgress;
    private int dmaLength;

    SpiHw(PhysicalMemory bus, PowerManager pm, BusyWait spin) {
        this.registers = new MmioRegisters(Objects.requireNonNull(bus, "bus"), BASE);
        this.pm = Objects.requireNonNull(pm, "pm");
        this.spin = Objects.requireNonNull(spin, "spin");
    }

    public void setDma(DmaChannel read, DmaChannel write) {
        this.dmaRead = Objects.requireNonNull(read, "read");
        this.dmaWrite = Objects.requireNonNull(write, "write");
    }

    /** Tock's {@code SpiRegisterManager}: the clock on while in use, off after while the SPI is disabled. */
    private final class RegManager implements AutoCloseable {
        RegManager() {
            pm.enableClock(Clock.Pba.SPI);
        }

        @Override
        public void close() {
            if (!registers.isSet(SR, SPIENS)) {
                pm.disableClock(Clock.Pba.SPI);
            }
        }
    }

    private int activePeripheral() {
        int pcs = (registers.read(MR) & MR_PCS_MASK) >>> MR_PCS_SHIFT;
        if (pcs == 0b0111) {
            return 3;
        } else if (pcs == 0b1011) {
            return 2;
        } else if (pcs == 0b1101) {
            return 1;
        }
        return 0;
    }

    private int activeCsr() {
        return CSR0 + 4 * activePeripheral();
    }

    private void enable() {
        try (RegManager spi = new RegManager()) {
            registers.write(CR, CR_SPIEN);
        }
    }

    private void disable() {
        try (RegManager spi = new RegManager()) {
            spin.until(() -> registers.isSet(SR, TXEMPTY), "SPI SR.TXEMPTY");
            if (dmaRead != null) {
                dmaRead.disable();
            }
            if (dmaWrite != null) {
                dmaWrite.disable();
            }
            registers.write(CR, CR_SPIDIS);
        }
    }

    /** Sets the active chip select's SCBR for {@code rate}; returns the rate achieved. */
    public int setBaudRate(int rate) {
        int realRate = rate;
        int clock = pm.getSystemFrequency();
        if (realRate < 188_235) {
            realRate = 188_235;
        }
        if (realRate > clock) {
            realRate = clock;
        }
        int scbr = clock / realRate;
        if (clock % realRate != 0 && scbr != 0xFF) {
            scbr++;
        }
        try (RegManager spi = new RegManager()) {
            registers.modify(activeCsr(), 0xFF << CSR_SCBR_SHIFT, scbr << CSR_SCBR_SHIFT);
        }
        return clock / scbr;
    }

    private int getBaudRate() {
        try (RegManager spi = new RegManager()) {
            int scbr = (registers.read(activeCsr()) >>> CSR_SCBR_SHIFT) & 0xFF;
            // Tock assumes 48 MHz here.
            return scbr == 0 ? 0 : 48_000_000 / scbr;
        }
    }

    /** The SPI interrupt (used by Tock's slave role only). */
    public void handleInterrupt() {}

    // ---- DmaClient ----

    @Override
    public void transferDone(DmaPeripheral pid) {
        transfersInProgress--;
        if (transfersInProgress == 0) {
            byte[] tx = null;
            byte[] rx = null;
            if (dmaWrite != null) {
                tx = dmaWrite.abortTransfer().orElse(null);
                dmaWrite.disable();
            }
            if (dmaRead != null) {
                rx = dmaRead.abortTransfer().orElse(null);
                dmaRead.disable();
            }
            int len = dmaLength;
            dmaLength = 0;
            if (transfersInProgress == 0) {
                disable();
            }
            if (client != null && tx != null) {
                client.readWriteDone(tx, rx, Result.ok(len));
            }
        }
    }

    // ---- SpiMaster ----

    @Override
    public void setClient(SpiMasterClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Master mode with mode-fault detection off, 8-bit frames on the active chip select. */
    @Override
    public Result<Void, ErrorCode> init() {
        try (RegManager spi = new RegManager()) {
            registers.write(CR, CR_LASTXFER);
            registers.modify(activeCsr(), 0xF << CSR_BITS_SHIFT, 0);
            registers.modify(MR, MR_MSTR | MR_MODFDIS, MR_MSTR | MR_MODFDIS);
        }
        return Result.ok();
    }

    @Override
    public boolean isBusy() {
        return transfersInProgress != 0;
    }

    @Override
    public Result<Void, RejectedBuffers> readWriteBytes(byte[] writeBuffer, byte[] readBuffer, int len) {
        if (isBusy()) {
            return Result.err(new RejectedBuffers(ErrorCode.BUSY, writeBuffer, readBuffer));
        }
        Objects.requireNonNull(writeBuffer, "writeBuffer");
        int count = Math.min(len, writeBuffer.length);
        if (readBuffer != null) {
            count = Math.min(count, readBuffer.length);
        }
        if (count < 0 || dmaRead == null || dmaWrite == null) {
            return Result.err(new RejectedBuffers(count < 0 ? ErrorCode.INVAL : ErrorCode.OFF, writeBuffer,
                    readBuffer));
        }
        if (count > dmaWrite.maxTransfers()) {
            return Result.err(new RejectedBuffers(ErrorCode.SIZE, writeBuffer, readBuffer));
        }
        enable();
        dmaLength = count;
        transfersInProgress = 0;
        if (readBuffer != null) {
            transfersInProgress++;
            dmaRead.enable();
            dmaRead.doTransfer(DmaPeripheral.SPI_RX, readBuffer, count);
        }
        transfersInProgress++;
        dmaWrite.enable();
        dmaWrite.doTransfer(DmaPeripheral.SPI_TX, writeBuffer, count);
        return Result.ok();
    }

    /** Chip select {@code cs} (0–3: NPCS0–NPCS3) for the next transfers. */
    @Override
    public Result<Void, ErrorCode> specifyChipSelect(int cs) {
        int pcs = switch (cs) {
            case 0 -> 0b1110;
            case 1 -> 0b1101;
            case 2 -> 0b1011;
            case 3 -> 0b0111;
            default -> -1;
        };
        if (pcs < 0) {
            return Result.err(ErrorCode.INVAL);
        }
        try (RegManager spi = new RegManager()) {
            registers.modify(MR, MR_PCS_MASK, pcs << MR_PCS_SHIFT);
        }
        return Result.ok();
    }

    @Override
    public Result<Integer, ErrorCode> setRate(int rate) {
        return Result.ok(setBaudRate(rate));
    }

    @Override
    public int getRate() {
        return getBaudRate();
    }

    @Override
    public Result<Void, ErrorCode> setPolarity(ClockPolarity polarity) {
        try (RegManager spi = new RegManager()) {
            registers.modify(activeCsr(), CSR_CPOL, polarity == ClockPolarity.IdleHigh ? CSR_CPOL : 0);
        }
        return Result.ok();
    }

    @Override
    public ClockPolarity getPolarity() {
        try (RegManager spi = new RegManager()) {
            return registers.isSet(activeCsr(), CSR_CPOL) ? ClockPolarity.IdleHigh : ClockPolarity.IdleLow;
        }
    }

    @Override
    public Result<Void, ErrorCode> setPhase(ClockPhase phase) {
        try (RegManager spi = new RegManager()) {
            registers.modify(activeCsr(), CSR_NCPHA, phase == ClockPhase.SampleLeading ? CSR_NCPHA : 0);
        }
        return Result.ok();
    }

    @Override
    public ClockPhase getPhase() {
        try (RegManager spi = new RegManager()) {
            return registers.isSet(activeCsr(), CSR_NCPHA) ? ClockPhase.SampleLeading : ClockPhase.SampleTrailing;
        }
    }

    /** Keeps the chip select active between transfers (CSR.CSAAT). */
    public void holdLow() {
        try (RegManager spi = new RegManager()) {
            registers.modify(activeCsr(), CSR_CSAAT, CSR_CSAAT);
        }
    }

    /** Releases the chip select after each transfer. */
    public void releaseLow() {
        try (RegManager spi = new RegManager()) {
            registers.modify(activeCsr(), CSR_CSAAT, 0);
        }
    }
}
