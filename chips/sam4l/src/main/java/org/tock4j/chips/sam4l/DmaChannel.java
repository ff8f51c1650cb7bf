package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.PdcaModel.*;

import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * One PDCA channel, programmed as Tock's driver does: a transfer is prepared in the reload registers (MARR,
 * TCRR) with the transfer-complete interrupt enabled, then started with TEN; the interrupt hands the
 * peripheral identifier to the channel's client (the peripheral driver), which takes its buffer back.
 *
 * <pre>{@code
 * DmaChannel tx = chip.peripherals().dmaChannel(1);
 * tx.initialize(usart0, DmaWidth.Width8Bit);
 * tx.enable();
 * tx.doTransfer(DmaPeripheral.USART0_TX, buffer, 5);   // later: usart0.transferDone(USART0_TX)
 * }</pre>
 *
 * <p>Tock hands the PDCA a pointer into the caller's static buffer. A Java buffer has no address, so each
 * channel owns a {@value Sam4lMemoryMap#DMA_BUFFER_SIZE}-byte DMA buffer in the chip's driver RAM: a
 * transmit buffer is copied in when the transfer is prepared, a receive buffer copied out (the bytes the
 * PDCA wrote) when it is taken back. Transfers longer than that are refused by the drivers.
 *
 * <p>Tock counterpart: {@code sam4l::dma::DMAChannel}.
 */
public final class DmaChannel {
    private final MmioRegisters regs;
    private final PhysicalMemory bus;
    private final PowerManager pm;
    private final int number;
    private final int dmaBuffer;
    private final EnabledCount enabledChannels;
    private DmaClient client;
    private DmaWidth width = DmaWidth.Width8Bit;
    private boolean enabled;
    private byte[] buffer;
    private DmaPeripheral pid;
    private int preparedTransfers;

    /** The channels enabled now, across the chip (Tock's {@code NUM_ENABLED}). */
    static final class EnabledCount {
        int count;
    }

    DmaChannel(PhysicalMemory bus, PowerManager pm, int number, EnabledCount enabledChannels) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.pm = Objects.requireNonNull(pm, "pm");
        this.number = Objects.checkIndex(number, CHANNELS);
        this.regs = new MmioRegisters(bus, BASE + number * CHANNEL_SIZE);
        this.dmaBuffer = Sam4lMemoryMap.dmaBuffer(number);
        this.enabledChannels = enabledChannels;
    }

    public int number() {
        return number;
    }

    public void initialize(DmaClient client, DmaWidth width) {
        this.client = Objects.requireNonNull(client, "client");
        this.width = Objects.requireNonNull(width, "width");
    }

    /** The most transfers one buffer can hold at this channel's width. */
    public int maxTransfers() {
        return Sam4lMemoryMap.DMA_BUFFER_SIZE / width.bytes();
    }

    public void enable() {
        pm.enableClock(Clock.Hsb.PDCA);
        pm.enableClock(Clock.Pbb.PDCA);
        if (!enabled) {
            enabledChannels.count++;
            regs.write(IDR, INT_TERR | INT_TRC | INT_RCZ);
            enabled = true;
        }
    }

    public void disable() {
        if (enabled) {
            enabledChannels.count--;
            if (enabledChannels.count == 0) {
                pm.disableClock(Clock.Hsb.PDCA);
                pm.disableClock(Clock.Pbb.PDCA);
            }
            regs.write(CR, CR_TDIS);
            enabled = false;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The channel's interrupt: disables it and tells the client which peripheral finished. */
    public void handleInterrupt() {
        regs.write(IDR, INT_TERR | INT_TRC | INT_RCZ);
        DmaPeripheral channel = DmaPeripheral.fromId(regs.read(PSR) & 0xFF);
        if (client != null) {
            client.transferDone(channel);
        }
    }

    public void startTransfer() {
        regs.write(CR, CR_TEN);
    }

    /**
     * Prepares a transfer of {@code len} units of {@code buf} (at most what the buffer holds) for peripheral
     * {@code pid}; {@link #startTransfer} starts it.
     *
     * @throws IllegalArgumentException if it does not fit the channel's DMA buffer (drivers check first)
     */
    public void prepareTransfer(DmaPeripheral pid, byte[] buf, int len) {
        Objects.requireNonNull(buf, "buf");
        int transfers = Math.max(0, Math.min(len, buf.length / width.bytes()));
        if (transfers > maxTransfers()) {
            throw new IllegalArgumentException("PDCA channel " + number + ": " + transfers
                    + " transfers exceed its DMA buffer of " + Sam4lMemoryMap.DMA_BUFFER_SIZE + " bytes");
        }
        if (!pid.isReceive()) {
            bus.write(dmaBuffer, buf, 0, transfers * width.bytes());
        }
        regs.write(MR, width.ordinal());
        regs.write(PSR, pid.id());
        regs.write(MARR, dmaBuffer);
        regs.write(TCRR, transfers);
        regs.write(IER, INT_TRC);
        this.buffer = buf;
        this.pid = pid;
        this.preparedTransfers = transfers;
    }

    public void doTransfer(DmaPeripheral pid, byte[] buf, int len) {
        prepareTransfer(pid, buf, len);
        startTransfer();
    }

    /** Stops the transfer and gives the buffer back (with what the PDCA received, for a receive). */
    public Optional<byte[]> abortTransfer() {
        regs.write(IDR, INT_TERR | INT_TRC | INT_RCZ);
        int left = transferCounter();
        regs.write(TCR, 0);
        byte[] buf = buffer;
        buffer = null;
        if (buf != null && pid != null && pid.isReceive()) {
            int done = Math.max(0, preparedTransfers - left) * width.bytes();
            bus.read(dmaBuffer, buf, 0, Math.min(done, buf.length));
        }
        return Optional.ofNullable(buf);
    }

    /** Transfers left (TCR). */
    public int transferCounter() {
        return regs.read(TCR) & TCV_MASK;
    }

    @Override
    public String toString() {
        return "DmaChannel[" + number + (enabled ? ", enabled" : "") + "]";
    }
}
