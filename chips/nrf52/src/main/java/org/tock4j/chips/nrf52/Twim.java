package org.tock4j.chips.nrf52;

import static org.tock4j.chips.nrf52.hardware.TwimModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.chips.nrf52.hardware.SharedInstanceSlot;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;
import org.tock4j.kernel.hil.i2c.I2cMaster;
import org.tock4j.kernel.hil.i2c.I2cMasterClient;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The I2C master HIL on the nRF52 TWIM with EasyDMA, as Tock's driver does it: the shortcuts LASTTX_STARTRX,
 * LASTTX_STOP and LASTRX_STOP sequence a transfer in hardware, and the client hears from the STOPPED (done)
 * or ERROR (a NACK) interrupt, with its buffer.
 *
 * <pre>{@code
 * Twim i2c = chip.twim0();
 * i2c.configure(27, 26);                  // SCL P0.27, SDA P0.26
 * i2c.setSpeed(Twim.Speed.K400);
 * i2c.setMasterClient((buffer, status) -> ...);
 * i2c.enable();
 * i2c.writeRead(0x48, buffer, 1, 2);      // register pointer out, two bytes back into buffer[0..2)
 * }</pre>
 *
 * <p>Tock hands EasyDMA the caller's buffer; a Java buffer has no address, so the bytes go through DMA
 * buffers of {@code dmaBufferSize} bytes in the chip's driver RAM, and a longer transfer is refused with
 * {@link I2cError#Overrun} ({@code SIZE}). Tock's handler writes 0 to ERRORSRC, which leaves its
 * write-1-to-clear bits set (so a later data NACK would read as an address NACK); this driver writes back
 * the bits it read.
 *
 * <p>Tock counterpart: {@code nrf52::i2c::TWI} (its {@code I2CMaster} side).
 */
public final class Twim implements I2cMaster {
    private static final int ENABLE = SharedInstanceSlot.ENABLE;

    /** SCL rates, as FREQUENCY values. Tock counterpart: {@code nrf52::i2c::Speed}. */
    public enum Speed {
        K100(FREQUENCY_K100),
        K250(FREQUENCY_K250),
        K400(FREQUENCY_K400);

        private final int register;

        Speed(int register) {
            this.register = register;
        }
    }

    private final MmioRegisters regs;
    private final PhysicalMemory bus;
    private final int txDmaBuffer;
    private final int rxDmaBuffer;
    private final int dmaBufferSize;
    private I2cMasterClient client;
    private byte[] buf;
    private int readLength;

    /**
     * The TWIM at {@code base}, with EasyDMA buffers of {@code dmaBufferSize} bytes in RAM at {@code txDmaBuffer}
     * and {@code rxDmaBuffer}.
     */
    public Twim(PhysicalMemory bus, int base, int txDmaBuffer, int rxDmaBuffer, int dmaBufferSize) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.regs = new MmioRegisters(bus, base);
        this.txDmaBuffer = txDmaBuffer;
        this.rxDmaBuffer = rxDmaBuffer;
        this.dmaBufferSize = dmaBufferSize;
    }

    /** Connects SCL and SDA to pins (numbers as Tock's {@code Pinmux}: P0.27 is 27). */
    public void configure(int scl, int sda) {
        regs.write(PSEL_SCL, scl & 0x3F);
        regs.write(PSEL_SDA, sda & 0x3F);
    }

    public void setSpeed(Speed speed) {
        regs.write(FREQUENCY, speed.register);
    }

    public void clearEvents() {
        regs.write(EVENTS_STOPPED, 0);
        regs.write(EVENTS_ERROR, 0);
        regs.write(EVENTS_RXSTARTED, 0);
        regs.write(EVENTS_TXSTARTED, 0);
        regs.write(EVENTS_WRITE, 0);
        regs.write(EVENTS_READ, 0);
        regs.write(EVENTS_SUSPENDED, 0);
        regs.write(EVENTS_LASTRX, 0);
        regs.write(EVENTS_LASTTX, 0);
    }

    public void disableInterrupts() {
        regs.write(INTEN, 0);
        regs.write(INTENCLR, 0xFFFF_FFFF);
    }

    /** Whether the TWIM is enabled as a controller (ENABLE = 6). */
    public boolean isEnabled() {
        return (regs.read(ENABLE) & 0xF) == ENABLE_TWIM;
    }

    /** The SPI0_TWI0 interrupt while the TWIM is enabled: STOPPED completes a transfer, ERROR fails it. */
    public void handleInterrupt() {
        if (isEnabled()) {
            if (regs.read(EVENTS_STOPPED) != 0) {
                regs.write(EVENTS_STOPPED, 0);
                byte[] buffer = takeBuffer();
                if (client != null && buffer != null) {
                    clearEvents();
                    client.commandComplete(buffer, Result.ok());
                }
            }
            if (regs.read(EVENTS_ERROR) != 0) {
                regs.write(EVENTS_ERROR, 0);
                int errorsrc = regs.read(ERRORSRC);
                regs.write(ERRORSRC, errorsrc & (ERRORSRC_ANACK | ERRORSRC_DNACK));
                byte[] buffer = takeBuffer();
                if (client != null && buffer != null) {
                    Result<Void, I2cError> status;
                    if ((errorsrc & ERRORSRC_ANACK) != 0) {
                        status = Result.err(I2cError.AddressNak);
                    } else if ((errorsrc & ERRORSRC_DNACK) != 0) {
                        status = Result.err(I2cError.DataNak);
                    } else {
                        status = Result.ok();
                    }
                    clearEvents();
                    client.commandComplete(buffer, status);
                }
            }
        } else {
            regs.write(EVENTS_STOPPED, 0);
        }
        // Events the driver does not use.
        regs.write(EVENTS_SUSPENDED, 0);
        regs.write(EVENTS_LASTRX, 0);
        regs.write(EVENTS_LASTTX, 0);
    }

    /** The client's buffer, with what EasyDMA received copied in. */
    private byte[] takeBuffer() {
        byte[] buffer = buf;
        buf = null;
        if (buffer != null && readLength > 0) {
            int received = Math.min(regs.read(RXD_AMOUNT) & MAXCNT_MASK, readLength);
            bus.read(rxDmaBuffer, buffer, 0, received);
        }
        readLength = 0;
        return buffer;
    }

    private void enableMaster() {
        clearEvents();
        regs.write(ENABLE, ENABLE_TWIM);
    }

    private void disableTwim() {
        clearEvents();
        disableInterrupts();
        regs.write(ENABLE, 0);
    }

    // ---- I2cMaster ----

    @Override
    public void setMasterClient(I2cMasterClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void enable() {
        enableMaster();
    }

    @Override
    public void disable() {
        disableTwim();
    }

    private Result<Void, RejectedBuffer> check(byte[] data, int writeLen, int readLen) {
        if (buf != null) {
            return Result.err(new RejectedBuffer(I2cError.Busy, data));
        }
        if (writeLen < 0 || readLen < 0 || writeLen > data.length || readLen > data.length
                || writeLen > dmaBufferSize || readLen > dmaBufferSize) {
            return Result.err(new RejectedBuffer(I2cError.Overrun, data));
        }
        return Result.ok();
    }

    @Override
    public Result<Void, RejectedBuffer> writeRead(int addr, byte[] data, int writeLen, int readLen) {
        Result<Void, RejectedBuffer> checked = check(data, writeLen, readLen);
        if (checked.isErr()) {
            return checked;
        }
        regs.write(ADDRESS, addr & 0x7F);
        bus.write(txDmaBuffer, data, 0, writeLen);
        regs.write(TXD_PTR, txDmaBuffer);
        regs.write(TXD_MAXCNT, writeLen);
        regs.write(RXD_PTR, rxDmaBuffer);
        regs.write(RXD_MAXCNT, readLen);
        regs.write(SHORTS, SHORTS_LASTTX_STARTRX | SHORTS_LASTRX_STOP);
        regs.write(INTENSET, INT_STOPPED | INT_ERROR);
        regs.write(TASKS_STARTTX, 1);
        buf = data;
        readLength = readLen;
        return Result.ok();
    }

    @Override
    public Result<Void, RejectedBuffer> write(int addr, byte[] data, int len) {
        Result<Void, RejectedBuffer> checked = check(data, len, 0);
        if (checked.isErr()) {
            return checked;
        }
        regs.write(ADDRESS, addr & 0x7F);
        bus.write(txDmaBuffer, data, 0, len);
        regs.write(TXD_PTR, txDmaBuffer);
        regs.write(TXD_MAXCNT, len);
        regs.write(SHORTS, SHORTS_LASTTX_STOP);
        regs.write(INTENSET, INT_STOPPED | INT_ERROR);
        regs.write(TASKS_STARTTX, 1);
        buf = data;
        readLength = 0;
        return Result.ok();
    }

    @Override
    public Result<Void, RejectedBuffer> read(int addr, byte[] buffer, int len) {
        Result<Void, RejectedBuffer> checked = check(buffer, 0, len);
        if (checked.isErr()) {
            return checked;
        }
        regs.write(ADDRESS, addr & 0x7F);
        regs.write(RXD_PTR, rxDmaBuffer);
        regs.write(RXD_MAXCNT, len);
        regs.write(SHORTS, SHORTS_LASTRX_STOP);
        regs.write(INTENSET, INT_STOPPED | INT_ERROR);
        regs.write(TASKS_STARTRX, 1);
        buf = buffer;
        readLength = len;
        return Result.ok();
    }
}
