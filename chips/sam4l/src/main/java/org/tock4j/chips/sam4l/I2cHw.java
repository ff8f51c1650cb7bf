package org.tock4j.chips.sam4l;

import static org.tock4j.chips.sam4l.hardware.TwimModel.*;

import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.i2c.I2cError;
import org.tock4j.kernel.hil.i2c.I2cMaster;
import org.tock4j.kernel.hil.i2c.I2cMasterClient;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The I2C master HIL on a SAM4L TWIM with its PDCA channel, as Tock's driver does it: a command in CMDR
 * (and, for a write-then-read, the read "on deck" in NCMDR), data through one DMA channel that is
 * re-pointed at the receive direction when the write part completes, and the client told from the CCOMP
 * (or NAK) interrupt.
 *
 * <pre>{@code
 * I2cHw i2c = chip.i2c(2);
 * i2c.setMasterClient((buffer, status) -> ...);
 * i2c.enable();                              // 400 kHz from the PM's system frequency
 * i2c.writeRead(0x40, buffer, 1, 2);         // register pointer out, two bytes back into buffer[0..2)
 * }</pre>
 *
 * <p>Every register access switches the TWIM's PM clock on first and off afterwards when no interrupt is
 * enabled (Tock's {@code PeripheralManager}). As in Tock, I2C3 has no DMA channel, so its transfers are
 * {@code NotSupported}. Transfers over 255 bytes (NBYTES is 8 bits) or larger than the channel's DMA buffer
 * are refused with {@code Overrun}.
 *
 * <p>Tock counterpart: {@code sam4l::i2c::I2CHw} (master side; the TWIS slave is not implemented).
 */
@SuppressWarnings("try") // a register manager is held for its clock, not referenced
public final class I2cHw implements I2cMaster, DmaClient {
    private final int index;
    private final MmioRegisters registers;
    private final PowerManager pm;
    private final Clock masterClock;
    private final DmaPeripheral rxPid;
    private final DmaPeripheral txPid;
    private DmaChannel dma;
    private I2cMasterClient masterClient;
    private DmaPeripheral onDeckPid;
    private int onDeckLen;

    I2cHw(PhysicalMemory bus, int index, PowerManager pm) {
        this.index = Objects.checkIndex(index, 4);
        this.registers = new MmioRegisters(Objects.requireNonNull(bus, "bus"), Sam4lMemoryMap.twimBase(index));
        this.pm = Objects.requireNonNull(pm, "pm");
        this.masterClock = switch (index) {
            case 0 -> Clock.Pba.TWIM0;
            case 1 -> Clock.Pba.TWIM1;
            case 2 -> Clock.Pba.TWIM2;
            default -> Clock.Pba.TWIM3;
        };
        this.rxPid = DmaPeripheral.fromId(DmaPeripheral.TWIM0_RX.id() + index);
        this.txPid = DmaPeripheral.fromId(DmaPeripheral.TWIM0_TX.id() + index);
    }

    public int index() {
        return index;
    }

    public void setDma(DmaChannel channel) {
        this.dma = Objects.requireNonNull(channel, "channel");
    }

    /** Tock's {@code TWIMRegisterManager}: the clock on while in use, off after unless an interrupt is enabled. */
    private final class RegManager implements AutoCloseable {
        RegManager() {
            if (!pm.isClockEnabled(masterClock)) {
                pm.enableClock(masterClock);
            }
        }

        @Override
        public void close() {
            if (registers.read(IMR) == 0) {
                pm.disableClock(masterClock);
            }
        }
    }

    private void setBusSpeed() {
        int systemFrequency = pm.getSystemFrequency();
        int exp = 0;
        int fPrescaled = systemFrequency / 400_000 / 2;
        while (fPrescaled > 0xFF && exp <= 0x7) {
            exp++;
            fPrescaled /= 2;
        }
        if (exp > 0x7) {
            throw new IllegalStateException("cannot set up the I2C waveform with a system clock of "
                    + systemFrequency + " Hz");
        }
        int low = fPrescaled / 2;
        int high = fPrescaled - low;
        int stasto = fPrescaled;
        registers.write(CWGR, exp << 28 | stasto << 16 | high << 8 | low);
    }

    /** The TWIM interrupt: a command completed or a NAK ended the transfer. */
    public void handleInterrupt() {
        int oldStatus;
        try (RegManager twim = new RegManager()) {
            oldStatus = registers.read(SR);
            registers.write(SCR, HSMCACK | STOP | PECERR | TOUT | ARBLST | DNAK | ANAK | CCOMP);
        }
        Optional<Result<Void, I2cError>> err;
        if ((oldStatus & ANAK) != 0) {
            err = Optional.of(Result.err(I2cError.AddressNak));
        } else if ((oldStatus & DNAK) != 0) {
            err = Optional.of(Result.err(I2cError.DataNak));
        } else if ((oldStatus & ARBLST) != 0) {
            err = Optional.of(Result.err(I2cError.ArbitrationLost));
        } else if ((oldStatus & CCOMP) != 0) {
            err = Optional.of(Result.ok());
        } else {
            err = Optional.empty();
        }
        DmaPeripheral deckPid = onDeckPid;
        int deckLen = onDeckLen;
        onDeckPid = null;
        if (deckPid == null) {
            try (RegManager twim = new RegManager()) {
                registers.write(CMDR, 0);
                registers.write(NCMDR, 0);
                disableInterrupts();
                if (err.isPresent()) {
                    registers.write(CR, CR_MEN);
                    registers.write(CR, CR_SWRST);
                    registers.write(CR, CR_MDIS);
                }
            }
            err.ifPresent(this::complete);
        } else if (deckLen == 1 && (oldStatus & TXRDY) != 0) {
            // The one byte to read is already in RHR.
            int theByte;
            try (RegManager twim = new RegManager()) {
                registers.write(CMDR, 0);
                registers.write(NCMDR, 0);
                disableInterrupts();
                if (err.isPresent()) {
                    registers.write(CR, CR_MEN);
                    registers.write(CR, CR_SWRST);
                    registers.write(CR, CR_MDIS);
                }
                theByte = registers.read(RHR) & 0xFF;
            }
            err.ifPresent(status -> {
                if (masterClient != null && dma != null) {
                    dma.abortTransfer().ifPresent(buf -> {
                        buf[0] = (byte) theByte;
                        masterClient.commandComplete(buf, status);
                    });
                }
            });
        } else {
            try (RegManager twim = new RegManager()) {
                registers.write(IER, CCOMP | ANAK | DNAK | ARBLST);
            }
            if (dma != null) {
                byte[] buf = dma.abortTransfer().orElseThrow(
                        () -> new IllegalStateException("I2C" + index + ": no buffer on deck"));
                dma.prepareTransfer(deckPid, buf, deckLen);
                dma.startTransfer();
            }
        }
    }

    private void complete(Result<Void, I2cError> status) {
        if (masterClient != null && dma != null) {
            dma.abortTransfer().ifPresent(buf -> masterClient.commandComplete(buf, status));
        }
    }

    private void setupTransfer(int chip, int flags, int direction, int len) {
        registers.write(CR, CR_MDIS);
        registers.write(CMDR, (chip & 0x7F) << CMD_SADR_SHIFT | flags | CMD_VALID | (len & 0xFF) << CMD_NBYTES_SHIFT
                | direction);
        registers.write(NCMDR, 0);
        registers.write(IER, CCOMP | ANAK | DNAK | ARBLST);
    }

    private void setupNextfer(int chip, int flags, int direction, int len) {
        registers.write(CR, CR_MDIS);
        registers.write(NCMDR, (chip & 0x7F) << CMD_SADR_SHIFT | flags | CMD_VALID
                | (len & 0xFF) << CMD_NBYTES_SHIFT | direction);
        registers.write(CR, CR_MEN);
    }

    private void disableInterrupts() {
        registers.write(IDR, -1);
    }

    private Optional<I2cError> checkLengths(byte[] data, int... lens) {
        for (int len : lens) {
            if (len < 0 || len > 0xFF || len > data.length || (dma != null && len > dma.maxTransfers())) {
                return Optional.of(I2cError.Overrun);
            }
        }
        return Optional.empty();
    }

    private Result<Void, RejectedBuffer> transfer(int addr, int flags, int direction, byte[] data, int len) {
        if (dma == null) {
            return Result.err(new RejectedBuffer(I2cError.NotSupported, data));
        }
        Optional<I2cError> bad = checkLengths(data, len);
        if (bad.isPresent()) {
            return Result.err(new RejectedBuffer(bad.get(), data));
        }
        try (RegManager twim = new RegManager()) {
            dma.enable();
            dma.prepareTransfer(direction == CMD_READ ? rxPid : txPid, data, len);
            setupTransfer(addr, flags, direction, len);
            registers.write(CR, CR_MEN);
            dma.startTransfer();
        }
        return Result.ok();
    }

    // ---- DmaClient ----

    /** The TWIM finishes on its own interrupt; the DMA's is not used (as in Tock). */
    @Override
    public void transferDone(DmaPeripheral pid) {}

    // ---- I2cMaster ----

    @Override
    public void setMasterClient(I2cMasterClient client) {
        this.masterClient = Objects.requireNonNull(client, "client");
    }

    /** Resets the TWIM, sets 400 kHz and the slew rate, clears its status. */
    @Override
    public void enable() {
        try (RegManager twim = new RegManager()) {
            registers.write(CR, CR_MEN);
            registers.write(CR, CR_SWRST);
            registers.write(CR, CR_MDIS);
            setBusSpeed();
            registers.write(SRR, 2 << 28 | 7 << 16 | 7);
            registers.write(SCR, -1);
        }
    }

    @Override
    public void disable() {
        try (RegManager twim = new RegManager()) {
            registers.write(CR, CR_MDIS);
            disableInterrupts();
        }
    }

    @Override
    public Result<Void, RejectedBuffer> write(int addr, byte[] data, int len) {
        return transfer(addr, CMD_START | CMD_STOP, 0, data, len);
    }

    @Override
    public Result<Void, RejectedBuffer> read(int addr, byte[] buffer, int len) {
        return transfer(addr, CMD_START | CMD_STOP, CMD_READ, buffer, len);
    }

    @Override
    public Result<Void, RejectedBuffer> writeRead(int addr, byte[] data, int writeLen, int readLen) {
        if (dma == null) {
            return Result.err(new RejectedBuffer(I2cError.NotSupported, data));
        }
        Optional<I2cError> bad = checkLengths(data, writeLen, readLen);
        if (bad.isPresent()) {
            return Result.err(new RejectedBuffer(bad.get(), data));
        }
        try (RegManager twim = new RegManager()) {
            dma.enable();
            dma.prepareTransfer(txPid, data, writeLen);
            setupTransfer(addr, CMD_START, 0, writeLen);
            setupNextfer(addr, CMD_START | CMD_STOP, CMD_READ, readLen);
            onDeckPid = rxPid;
            onDeckLen = readLen;
            dma.startTransfer();
        }
        return Result.ok();
    }

    @Override
    public String toString() {
        return "I2cHw[TWIM" + index + "]";
    }
}
