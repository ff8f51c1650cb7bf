package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.I2cDevice;

/**
 * TWIM, the SAM4L two-wire (I2C) master interface (datasheet chapter 27), as silicon, driving the devices of
 * an {@link I2cBus}.
 *
 * <ul>
 *   <li>A command (CMDR: SADR, READ, NBYTES, START, STOP, VALID) runs while the master is enabled (CR.MEN,
 *       SR.MENB): a START (or repeated START) and the address byte, then NBYTES data bytes, then a STOP if
 *       CMDR.STOP. When it ends SR.CCOMP is set, VALID clears and a valid NCMDR moves into CMDR and runs
 *       next (a repeated START when it has START set).</li>
 *   <li>Timing from CWGR: the prescaled clock is {@code f(CLK_TWIM) / 2^(EXP + 1)}; a bit takes LOW + HIGH
 *       of its cycles (9 bits per byte with the ACK), a START or STOP takes STASTO cycles.</li>
 *   <li>Data: a write takes each byte from THR, which the PDCA channel of TWIMn_TX fills while it is empty
 *       (SR.TXRDY); a read puts each byte in RHR (SR.RXRDY), handed to the channel of TWIMn_RX if one serves
 *       it. The master stretches the clock while THR is empty or RHR full; a device stretches it before a
 *       byte it sends ({@link I2cDevice#readStretchNs()}), which delays that byte.</li>
 *   <li>An address nobody acknowledges sets SR.ANAK, a refused data byte SR.DNAK; either ends the transfer
 *       with a STOP and drops CMDR (a valid NCMDR then runs, and ends the same way if it is refused too).
 *       SCR clears the flags; the interrupt line is high while SR &amp; IMR is not 0.</li>
 *   <li>CR.MDIS holds the master (the byte in progress completes); CR.SWRST abandons the transfer and
 *       clears the commands, THR/RHR, the status and IMR (the waveform and slew settings stay, so Tock's
 *       reset after a NAK needs no new {@code enable}); CR.STOP ends the transfer after the byte in
 *       progress.</li>
 * </ul>
 *
 * <p>Not modelled (stored): SMBus (SMBTR, PEC), high-speed mode (HSCWGR, HSSRR), slew rate (SRR), ten-bit
 * addressing, arbitration (there is one master), time-outs. The TWIS slave half is not modelled.
 */
public final class TwimModel {
    public static final int CR = 0x00;
    public static final int CWGR = 0x04;
    public static final int SMBTR = 0x08;
    public static final int CMDR = 0x0C;
    public static final int NCMDR = 0x10;
    public static final int RHR = 0x14;
    public static final int THR = 0x18;
    public static final int SR = 0x1C;
    public static final int IER = 0x20;
    public static final int IDR = 0x24;
    public static final int IMR = 0x28;
    public static final int SCR = 0x2C;
    public static final int PR = 0x30;
    public static final int VR = 0x34;
    public static final int HSCWGR = 0x38;
    public static final int SRR = 0x3C;
    public static final int HSSRR = 0x40;

    public static final int CR_MEN = 1;
    public static final int CR_MDIS = 1 << 1;
    public static final int CR_SMEN = 1 << 4;
    public static final int CR_SMDIS = 1 << 5;
    public static final int CR_SWRST = 1 << 7;
    public static final int CR_STOP = 1 << 8;

    public static final int CMD_READ = 1;
    public static final int CMD_SADR_SHIFT = 1;
    public static final int CMD_TENBIT = 1 << 11;
    public static final int CMD_START = 1 << 13;
    public static final int CMD_STOP = 1 << 14;
    public static final int CMD_VALID = 1 << 15;
    public static final int CMD_NBYTES_SHIFT = 16;

    public static final int RXRDY = 1;
    public static final int TXRDY = 1 << 1;
    public static final int CRDY = 1 << 2;
    public static final int CCOMP = 1 << 3;
    public static final int IDLE = 1 << 4;
    public static final int BUSFREE = 1 << 5;
    public static final int ANAK = 1 << 8;
    public static final int DNAK = 1 << 9;
    public static final int ARBLST = 1 << 10;
    public static final int TOUT = 1 << 12;
    public static final int PECERR = 1 << 13;
    public static final int STOP = 1 << 14;
    public static final int MENB = 1 << 16;
    public static final int HSMCACK = 1 << 17;
    private static final int CLEARABLE = CCOMP | ANAK | DNAK | ARBLST | TOUT | PECERR | STOP | HSMCACK;

    private enum Phase { IDLE, ADDRESS, DATA, STOPPING }

    private final String name;
    private final PeripheralClock gate;
    private final PdcaModel pdca;
    private final int rxPid;
    private final int txPid;
    private final InterruptLine irq;
    private final I2cBus bus;
    private final RegisterBank bank;
    private final Register cwgr;
    private final Register cmdr;
    private final Register ncmdr;
    private final Register imr;
    private final ClockedTimer timer;
    private boolean enabled;
    private Phase phase = Phase.IDLE;
    private boolean busOwned;
    private I2cDevice device;
    private int bytesDone;
    private int thr = -1;
    private int rhr;
    private boolean rxReady;
    private int flags;
    private boolean stopRequested;

    public TwimModel(String name, int baseAddress, VirtualClock clock, PeripheralClock gate, PdcaModel pdca,
            int rxPid, int txPid, InterruptLine irq, I2cBus bus) {
        this.name = Objects.requireNonNull(name, "name");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.pdca = Objects.requireNonNull(pdca, "pdca");
        this.rxPid = rxPid;
        this.txPid = txPid;
        this.irq = Objects.requireNonNull(irq, "irq");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.timer = new ClockedTimer(clock, gate);
        bank = new RegisterBank(name, baseAddress, 0, 0x400);
        bank.writeOnly("CR", CR, this::control);
        cwgr = bank.storage("CWGR", CWGR, 0);
        bank.unmodelled("SMBTR", SMBTR, 0);
        cmdr = bank.storage("CMDR", CMDR, 0, 0x07FF_FFFF, this::commandWritten);
        ncmdr = bank.storage("NCMDR", NCMDR, 0, 0x07FF_FFFF, this::commandWritten);
        bank.readOnly("RHR", RHR, this::readRhr);
        bank.writeOnly("THR", THR, this::writeThr);
        bank.readOnly("SR", SR, this::sr);
        imr = bank.internal("IMR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & 0x0003_77FF); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.writeOnly("SCR", SCR, v -> { flags &= ~(v & CLEARABLE); updateInterrupt(); });
        bank.constant("PR", PR, 0);
        bank.constant("VR", VR, 0x101);
        bank.unmodelled("HSCWGR", HSCWGR, 0);
        bank.unmodelled("SRR", SRR, 0);
        bank.unmodelled("HSSRR", HSSRR, 0);
        pdca.addReadyListener(txPid, this::advance);
        pdca.addReadyListener(rxPid, () -> {
            deliverRx();
            advance();
        });
        gate.addListener(running -> {
            if (running) {
                advance();
            }
            updateInterrupt();
        });
    }

    public RegisterBank registers() {
        return bank;
    }

    public I2cBus bus() {
        return bus;
    }

    // ---- registers ----

    private void control(int v) {
        if ((v & CR_SWRST) != 0) {
            timer.cancel();
            phase = Phase.IDLE;
            busOwned = false;
            device = null;
            thr = -1;
            rxReady = false;
            flags = 0;
            stopRequested = false;
            cmdr.set(0);
            ncmdr.set(0);
            imr.set(0);
        }
        if ((v & (CR_SMEN | CR_SMDIS)) != 0) {
            bank.warn("SMBus mode is not modelled");
        }
        if ((v & CR_MDIS) != 0) {
            enabled = false;
        } else if ((v & CR_MEN) != 0) {
            enabled = true;
        }
        if ((v & CR_STOP) != 0) {
            stopRequested = true;
        }
        advance();
        updateInterrupt();
    }

    private void commandWritten() {
        if (phase != Phase.IDLE && (cmdr.value() & CMD_VALID) == 0) {
            bank.warn("CMDR changed while a command runs");
        }
        if ((cmdr.value() & CMD_TENBIT) != 0 || (ncmdr.value() & CMD_TENBIT) != 0) {
            bank.warn("ten-bit addressing is not modelled");
        }
        advance();
        updateInterrupt();
    }

    private int readRhr() {
        int v = rhr;
        if (rxReady) {
            rxReady = false;
            advance();
            updateInterrupt();
        }
        return v;
    }

    private void writeThr(int v) {
        thr = v & 0xFF;
        advance();
        updateInterrupt();
    }

    private boolean valid(Register command) {
        return (command.value() & CMD_VALID) != 0;
    }

    private int sr() {
        int v = flags;
        if (rxReady) {
            v |= RXRDY;
        }
        if (enabled && valid(cmdr) && (cmdr.value() & CMD_READ) == 0 && thr < 0) {
            v |= TXRDY;
        }
        if (!valid(cmdr) || !valid(ncmdr)) {
            v |= CRDY;
        }
        if (phase == Phase.IDLE && !valid(cmdr)) {
            v |= IDLE;
        }
        if (!busOwned) {
            v |= BUSFREE;
        }
        if (enabled) {
            v |= MENB;
        }
        return v;
    }

    private void updateInterrupt() {
        irq.setLevel(gate.running() && (sr() & imr.value()) != 0);
    }

    // ---- timing ----

    private TickConverter prescaled() {
        long hz = gate.frequencyHz();
        int exp = (cwgr.value() >>> 28) & 0x7;
        if (hz == 0) {
            return null;
        }
        return new TickConverter(hz, 1_000_000_000L << (exp + 1));
    }

    private long bitCycles() {
        int low = cwgr.value() & 0xFF;
        int high = (cwgr.value() >>> 8) & 0xFF;
        return low + high;
    }

    private long startStopCycles() {
        return (cwgr.value() >>> 16) & 0xFF;
    }

    private boolean runFor(long cycles, Runnable then) {
        return runFor(cycles, 0, then);
    }

    /** {@code cycles} of the prescaled clock after {@code stretchNs} of SCL held low by the device. */
    private boolean runFor(long cycles, long stretchNs, Runnable then) {
        TickConverter t = prescaled();
        if (t == null) {
            return false;
        }
        if (bitCycles() == 0) {
            bank.warn("CWGR.LOW + HIGH is 0: no SCL clock; the transfer stalls");
            return false;
        }
        timer.start(stretchNs + t.timeOfTick(cycles), then);
        return true;
    }

    // ---- the transfer ----

    private void advance() {
        if (!enabled || !gate.running() || timer.isPending()) {
            return;
        }
        if (stopRequested && busOwned && phase == Phase.DATA) {
            stopRequested = false;
            sendStop(this::commandComplete);
            return;
        }
        if (phase == Phase.IDLE) {
            if (!valid(cmdr) && valid(ncmdr)) {
                cmdr.set(ncmdr.value());
                ncmdr.set(0);
            }
            if (!valid(cmdr)) {
                updateInterrupt();
                return;
            }
            if ((cmdr.value() & CMD_START) != 0 || !busOwned) {
                phase = Phase.ADDRESS;
                if (!runFor(startStopCycles() + 9 * bitCycles(), this::addressDone)) {
                    phase = Phase.IDLE;
                }
            } else {
                phase = Phase.DATA;
                bytesDone = 0;
                advance();
            }
            updateInterrupt();
            return;
        }
        if (phase == Phase.DATA) {
            int nbytes = (cmdr.value() >>> CMD_NBYTES_SHIFT) & 0xFF;
            if (bytesDone >= nbytes) {
                if ((cmdr.value() & CMD_STOP) != 0) {
                    sendStop(this::commandComplete);
                } else {
                    commandComplete();
                }
                return;
            }
            if ((cmdr.value() & CMD_READ) != 0) {
                if (!rxReady) {
                    long stretchNs = device == null ? 0 : Math.max(0, device.readStretchNs());
                    runFor(9 * bitCycles(), stretchNs, this::readByteDone);
                }
            } else {
                if (thr < 0) {
                    int v = pdca.transmit(txPid);
                    if (v >= 0) {
                        thr = v & 0xFF;
                    }
                }
                if (thr >= 0) {
                    int b = thr;
                    thr = -1;
                    runFor(9 * bitCycles(), () -> writeByteDone(b));
                }
            }
            updateInterrupt();
        }
    }

    private void addressDone() {
        int address = (cmdr.value() >>> CMD_SADR_SHIFT) & 0x7F;
        boolean read = (cmdr.value() & CMD_READ) != 0;
        busOwned = true;
        device = bus.device(address).orElse(null);
        boolean ack = device != null && device.start(read);
        if (!ack) {
            fail(ANAK);
            return;
        }
        phase = Phase.DATA;
        bytesDone = 0;
        advance();
    }

    private void writeByteDone(int value) {
        if (!device.write((byte) value)) {
            fail(DNAK);
            return;
        }
        bytesDone++;
        advance();
    }

    private void readByteDone() {
        rhr = device.read() & 0xFF;
        rxReady = true;
        bytesDone++;
        deliverRx();
        advance();
        updateInterrupt();
    }

    private void deliverRx() {
        if (rxReady && gate.running() && pdca.receive(rxPid, rhr)) {
            rxReady = false;
        }
    }

    private void sendStop(Runnable then) {
        phase = Phase.STOPPING;
        boolean started = runFor(startStopCycles(), () -> {
            if (device != null) {
                device.stop();
            }
            device = null;
            busOwned = false;
            flags |= STOP;
            then.run();
        });
        if (!started) {
            phase = Phase.DATA;
        }
    }

    private void commandComplete() {
        phase = Phase.IDLE;
        flags |= CCOMP;
        cmdr.set(cmdr.value() & ~CMD_VALID);
        if (valid(ncmdr)) {
            cmdr.set(ncmdr.value());
            ncmdr.set(0);
        }
        updateInterrupt();
        advance();
    }

    /** A NAK: the flag, a STOP, the command dropped; a valid NCMDR runs next. */
    private void fail(int flag) {
        flags |= flag;
        cmdr.set(0);
        thr = -1;
        sendStop(() -> {
            phase = Phase.IDLE;
            updateInterrupt();
            advance();
        });
        updateInterrupt();
    }

    @Override
    public String toString() {
        return name + "[" + phase + (busOwned ? ", bus owned" : "") + "]";
    }
}
