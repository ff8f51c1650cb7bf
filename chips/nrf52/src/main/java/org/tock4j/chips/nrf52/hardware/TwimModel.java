package org.tock4j.chips.nrf52.hardware;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.I2cBus;
import org.tock4j.chips.emulator.world.I2cDevice;

/**
 * TWIM, the nRF52's I2C controller with EasyDMA (product specification 6.31), as silicon, clocking bytes to
 * and from the {@link I2cDevice}s on an {@link I2cBus}.
 *
 * <ul>
 *   <li>STARTTX raises TXSTARTED, sends START and ADDRESS with the write bit (10 bit times at FREQUENCY),
 *       then TXD.MAXCNT bytes read by EasyDMA from TXD.PTR, 9 bit times each (8 data bits and the
 *       acknowledge). LASTTX is raised as the last byte begins. STARTRX likewise raises RXSTARTED, addresses
 *       the device for reading and receives RXD.MAXCNT bytes into RXD.PTR; LASTRX as the last begins.</li>
 *   <li>An address no device acknowledges sets ERRORSRC.ANACK and raises ERROR; a data byte the device
 *       does not acknowledge sets ERRORSRC.DNACK and raises ERROR. The transfer stops there and the
 *       controller holds the bus until STOP (or a new START). TXD.AMOUNT counts the NACKed byte.</li>
 *   <li>STOP ends the transaction after the byte in progress: a STOP condition (1 bit time), then STOPPED.
 *       The SHORTS LASTTX_STARTRX, LASTTX_STOP, LASTRX_STARTTX and LASTRX_STOP take effect when the last byte
 *       ends.</li>
 *   <li>ERRORSRC bits are cleared by writing 1 to them. The interrupt line is high while an event is set
 *       whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>A device may stretch the clock before each byte it sends ({@link I2cDevice#readStretchNs()}): that byte
 * and everything after it come that much later.
 *
 * <p>Simplifications: SUSPEND, RESUME and the LASTTX_SUSPEND shortcut are not modelled (declared, warned
 * about); no arbitration or overrun; the rate is the nominal one of the FREQUENCY value.
 */
public final class TwimModel implements SharedInstanceSlot.Member {
    public static final int TASKS_STARTRX = 0x000;
    public static final int TASKS_STARTTX = 0x008;
    public static final int TASKS_STOP = 0x014;
    public static final int TASKS_SUSPEND = 0x01C;
    public static final int TASKS_RESUME = 0x020;
    public static final int EVENTS_STOPPED = 0x104;
    public static final int EVENTS_ERROR = 0x124;
    public static final int EVENTS_SUSPENDED = 0x148;
    public static final int EVENTS_RXSTARTED = 0x14C;
    public static final int EVENTS_TXSTARTED = 0x150;
    public static final int EVENTS_LASTRX = 0x15C;
    public static final int EVENTS_LASTTX = 0x160;
    /** TWIS's WRITE and READ events share these offsets; Tock's driver clears them. */
    public static final int EVENTS_WRITE = 0x164;
    public static final int EVENTS_READ = 0x168;
    public static final int SHORTS = 0x200;
    public static final int INTEN = 0x300;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int ERRORSRC = 0x4C4;
    public static final int PSEL_SCL = 0x508;
    public static final int PSEL_SDA = 0x50C;
    public static final int FREQUENCY = 0x524;
    public static final int RXD_PTR = 0x534;
    public static final int RXD_MAXCNT = 0x538;
    public static final int RXD_AMOUNT = 0x53C;
    public static final int RXD_LIST = 0x540;
    public static final int TXD_PTR = 0x544;
    public static final int TXD_MAXCNT = 0x548;
    public static final int TXD_AMOUNT = 0x54C;
    public static final int TXD_LIST = 0x550;
    public static final int ADDRESS = 0x588;

    public static final int ENABLE_TWIM = 6;
    public static final int SHORTS_LASTTX_STARTRX = 1 << 7;
    public static final int SHORTS_LASTTX_SUSPEND = 1 << 8;
    public static final int SHORTS_LASTTX_STOP = 1 << 9;
    public static final int SHORTS_LASTRX_STARTTX = 1 << 10;
    public static final int SHORTS_LASTRX_STOP = 1 << 12;
    public static final int INT_STOPPED = 1 << 1;
    public static final int INT_ERROR = 1 << 9;
    public static final int INT_SUSPENDED = 1 << 18;
    public static final int INT_RXSTARTED = 1 << 19;
    public static final int INT_TXSTARTED = 1 << 20;
    public static final int INT_LASTRX = 1 << 23;
    public static final int INT_LASTTX = 1 << 24;
    public static final int ERRORSRC_OVERRUN = 1;
    public static final int ERRORSRC_ANACK = 1 << 1;
    public static final int ERRORSRC_DNACK = 1 << 2;
    public static final int MAXCNT_MASK = 0xFFFF;
    public static final int FREQUENCY_K100 = 0x0198_0000;
    public static final int FREQUENCY_K250 = 0x0400_0000;
    public static final int FREQUENCY_K400 = 0x0640_0000;
    public static final int PSEL_DISCONNECTED = 0xFFFF_FFFF;

    /** The FREQUENCY values of the product specification and their nominal SCL rates. */
    public static final Map<Integer, Integer> FREQUENCIES = Map.of(FREQUENCY_K100, 100_000, FREQUENCY_K250, 250_000,
            FREQUENCY_K400, 400_000);

    private enum Phase { IDLE, ADDRESSING, WRITING, READING, HOLDING, STOPPING }

    private final VirtualClock clock;
    private final MemoryBus bus;
    private final InterruptLine irq;
    private final I2cBus i2c;
    private final RegisterBank bank;
    private final Register eventsStopped;
    private final Register eventsError;
    private final Register eventsSuspended;
    private final Register eventsRxstarted;
    private final Register eventsTxstarted;
    private final Register eventsLastrx;
    private final Register eventsLasttx;
    private final Register shorts;
    private final Register inten;
    private final Register errorsrc;
    private final Register frequency;
    private final Register rxdPtr;
    private final Register rxdMaxcnt;
    private final Register rxdAmount;
    private final Register txdPtr;
    private final Register txdMaxcnt;
    private final Register txdAmount;
    private final Register address;

    private boolean enabled;
    private Phase phase = Phase.IDLE;
    private I2cDevice device;
    private boolean reading;
    private int count;
    private boolean pendingStop;
    private boolean pendingStartRx;
    private boolean pendingStartTx;
    private ScheduledEvent step;
    private long anchorNs;
    private long bitsSent;
    private TickConverter bitRate;

    public TwimModel(String name, int baseAddress, VirtualClock clock, MemoryBus bus, InterruptLine irq, I2cBus i2c) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        bank = new RegisterBank(name, baseAddress);
        bank.task("TASKS_STARTRX", TASKS_STARTRX, () -> startTask(true));
        bank.task("TASKS_STARTTX", TASKS_STARTTX, () -> startTask(false));
        bank.task("TASKS_STOP", TASKS_STOP, this::stopTask);
        bank.unmodelled("TASKS_SUSPEND", TASKS_SUSPEND, 0);
        bank.unmodelled("TASKS_RESUME", TASKS_RESUME, 0);
        eventsStopped = bank.event("EVENTS_STOPPED", EVENTS_STOPPED, this::updateInterrupt);
        eventsError = bank.event("EVENTS_ERROR", EVENTS_ERROR, this::updateInterrupt);
        eventsSuspended = bank.event("EVENTS_SUSPENDED", EVENTS_SUSPENDED, this::updateInterrupt);
        eventsRxstarted = bank.event("EVENTS_RXSTARTED", EVENTS_RXSTARTED, this::updateInterrupt);
        eventsTxstarted = bank.event("EVENTS_TXSTARTED", EVENTS_TXSTARTED, this::updateInterrupt);
        eventsLastrx = bank.event("EVENTS_LASTRX", EVENTS_LASTRX, this::updateInterrupt);
        eventsLasttx = bank.event("EVENTS_LASTTX", EVENTS_LASTTX, this::updateInterrupt);
        bank.unmodelled("EVENTS_WRITE (TWIS)", EVENTS_WRITE, 0);
        bank.unmodelled("EVENTS_READ (TWIS)", EVENTS_READ, 0);
        shorts = bank.storage("SHORTS", SHORTS, 0, SHORTS_LASTTX_STARTRX | SHORTS_LASTTX_SUSPEND | SHORTS_LASTTX_STOP
                | SHORTS_LASTRX_STARTTX | SHORTS_LASTRX_STOP, this::shortsWritten);
        int intBits = INT_STOPPED | INT_ERROR | INT_SUSPENDED | INT_RXSTARTED | INT_TXSTARTED | INT_LASTRX
                | INT_LASTTX;
        inten = bank.storage("INTEN", INTEN, 0, intBits, this::updateInterrupt);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & intBits);
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        errorsrc = bank.custom("ERRORSRC", ERRORSRC, 0, null, v -> errorsrcClear(v));
        bank.storage("PSEL.SCL", PSEL_SCL, PSEL_DISCONNECTED);
        bank.storage("PSEL.SDA", PSEL_SDA, PSEL_DISCONNECTED);
        frequency = bank.storage("FREQUENCY", FREQUENCY, FREQUENCY_K250, this::frequencyWritten);
        rxdPtr = bank.storage("RXD.PTR", RXD_PTR, 0);
        rxdMaxcnt = bank.storage("RXD.MAXCNT", RXD_MAXCNT, 0, MAXCNT_MASK, null);
        rxdAmount = bank.constant("RXD.AMOUNT", RXD_AMOUNT, 0);
        bank.storage("RXD.LIST", RXD_LIST, 0, 0b111, null);
        txdPtr = bank.storage("TXD.PTR", TXD_PTR, 0);
        txdMaxcnt = bank.storage("TXD.MAXCNT", TXD_MAXCNT, 0, MAXCNT_MASK, null);
        txdAmount = bank.constant("TXD.AMOUNT", TXD_AMOUNT, 0);
        bank.storage("TXD.LIST", TXD_LIST, 0, 0b111, null);
        address = bank.storage("ADDRESS", ADDRESS, 0, 0x7F, null);
    }

    @Override
    public RegisterBank registers() {
        return bank;
    }

    @Override
    public int enableValue() {
        return ENABLE_TWIM;
    }

    @Override
    public void setEnabled(boolean on) {
        enabled = on;
        if (!on && phase != Phase.IDLE) {
            bank.warn("TWIM disabled during a transaction; the transaction is abandoned");
            cancel();
            phase = Phase.IDLE;
            device = null;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether a transaction holds the bus (from START to the STOP condition). */
    public boolean isBusy() {
        return phase != Phase.IDLE;
    }

    /** The SCL rate FREQUENCY selects. */
    public int sclRate() {
        Integer nominal = FREQUENCIES.get(frequency.value());
        if (nominal != null) {
            return nominal;
        }
        return (int) Math.max(1, Integer.toUnsignedLong(frequency.value()) * 16_000_000L >>> 32);
    }

    private void errorsrcClear(int written) {
        errorsrc.clearBits(written);
    }

    private void frequencyWritten() {
        if (!FREQUENCIES.containsKey(frequency.value())) {
            bank.warn(String.format("FREQUENCY 0x%08X is not a documented value; SCL runs at %d Hz",
                    frequency.value(), sclRate()));
        }
    }

    private void shortsWritten() {
        if (shorts.isSet(SHORTS_LASTTX_SUSPEND)) {
            bank.warn("the LASTTX_SUSPEND shortcut is not modelled");
        }
    }

    // ---- tasks ----

    private void startTask(boolean read) {
        String task = read ? "STARTRX" : "STARTTX";
        if (!enabled) {
            bank.warn(task + " while the TWIM is not enabled; ignored");
            return;
        }
        if (phase != Phase.IDLE && phase != Phase.HOLDING) {
            bank.warn(task + " during a transfer; ignored");
            return;
        }
        restartTiming();
        begin(read);
    }

    private void stopTask() {
        switch (phase) {
            case IDLE -> {
                eventsStopped.set(1);
                updateInterrupt();
            }
            case HOLDING -> {
                restartTiming();
                sendStop();
            }
            case STOPPING -> { }
            default -> pendingStop = true;
        }
    }

    /** Software acts now: the transaction's bit timing continues from this instant. */
    private void restartTiming() {
        anchorNs = clock.now();
        bitsSent = 0;
        bitRate = TickConverter.ofHz(sclRate());
    }

    // ---- the transaction ----

    /** A START (or repeated START) and the address byte for reading or writing. */
    private void begin(boolean read) {
        reading = read;
        count = 0;
        pendingStartRx = false;
        pendingStartTx = false;
        if (read) {
            rxdAmount.set(0);
            eventsRxstarted.set(1);
        } else {
            txdAmount.set(0);
            eventsTxstarted.set(1);
        }
        updateInterrupt();
        phase = Phase.ADDRESSING;
        after(10, this::addressed);
    }

    private void addressed() {
        Optional<I2cDevice> target = i2c.device(address.value() & 0x7F);
        device = target.orElse(null);
        if (device == null || !device.start(reading)) {
            error(ERRORSRC_ANACK);
            return;
        }
        nextByte();
    }

    private int length() {
        return (reading ? rxdMaxcnt.value() : txdMaxcnt.value()) & MAXCNT_MASK;
    }

    /** Begins byte {@code count}, or ends the transfer when all are done. */
    private void nextByte() {
        int length = length();
        if (count == length - 1 || length == 0) {
            lastByteBegins();
        }
        if (count >= length) {
            transferDone();
            return;
        }
        phase = reading ? Phase.READING : Phase.WRITING;
        if (reading) {
            // The device may hold SCL low before it sends the byte (clock stretching): later steps move with it.
            anchorNs += Math.max(0, device.readStretchNs());
        }
        after(9, reading ? this::byteReceived : this::byteSent);
    }

    private void lastByteBegins() {
        int s = shorts.value();
        if (reading) {
            eventsLastrx.set(1);
            pendingStartTx |= (s & SHORTS_LASTRX_STARTTX) != 0;
            pendingStop |= (s & SHORTS_LASTRX_STOP) != 0;
        } else {
            eventsLasttx.set(1);
            pendingStartRx |= (s & SHORTS_LASTTX_STARTRX) != 0;
            pendingStop |= (s & SHORTS_LASTTX_STOP) != 0;
        }
        updateInterrupt();
    }

    private void byteSent() {
        byte value = 0;
        try {
            value = bus.read8(txdPtr.value() + count);
        } catch (BusFault fault) {
            bank.warn("EasyDMA read failed (" + fault.getMessage() + "); 0 sent");
        }
        boolean ack = device.write(value);
        count++;
        txdAmount.set(count);
        if (!ack) {
            error(ERRORSRC_DNACK);
            return;
        }
        nextByte();
    }

    private void byteReceived() {
        byte value = device.read();
        try {
            bus.write8(rxdPtr.value() + count, value);
        } catch (BusFault fault) {
            bank.warn("EasyDMA write failed (" + fault.getMessage() + "); byte lost");
        }
        count++;
        rxdAmount.set(count);
        nextByte();
    }

    private void transferDone() {
        phase = Phase.HOLDING;
        if (pendingStartRx) {
            begin(true);
        } else if (pendingStartTx) {
            begin(false);
        } else if (pendingStop) {
            sendStop();
        }
    }

    private void error(int source) {
        errorsrc.setBits(source);
        eventsError.set(1);
        phase = Phase.HOLDING;
        pendingStartRx = false;
        pendingStartTx = false;
        updateInterrupt();
        if (pendingStop) {
            sendStop();
        }
    }

    private void sendStop() {
        pendingStop = false;
        phase = Phase.STOPPING;
        after(1, () -> {
            phase = Phase.IDLE;
            if (device != null) {
                I2cDevice stopped = device;
                device = null;
                stopped.stop();
            }
            eventsStopped.set(1);
            updateInterrupt();
        });
    }

    /** Runs {@code action} {@code bits} bit times after the previous step of this transaction. */
    private void after(int bits, Runnable action) {
        bitsSent += bits;
        step = clock.schedule(anchorNs + bitRate.timeOfTick(bitsSent), () -> {
            step = null;
            action.run();
        });
    }

    private void cancel() {
        if (step != null) {
            step.cancel();
            step = null;
        }
        pendingStop = false;
        pendingStartRx = false;
        pendingStartTx = false;
    }

    private void updateInterrupt() {
        int events = (eventsStopped.isSet() ? INT_STOPPED : 0)
                | (eventsError.isSet() ? INT_ERROR : 0)
                | (eventsSuspended.isSet() ? INT_SUSPENDED : 0)
                | (eventsRxstarted.isSet() ? INT_RXSTARTED : 0)
                | (eventsTxstarted.isSet() ? INT_TXSTARTED : 0)
                | (eventsLastrx.isSet() ? INT_LASTRX : 0)
                | (eventsLasttx.isSet() ? INT_LASTTX : 0);
        irq.setLevel((events & inten.value()) != 0);
    }

    /** Back to the reset state; a transaction in progress is abandoned. */
    public void reset() {
        cancel();
        phase = Phase.IDLE;
        device = null;
        enabled = false;
        bank.reset();
        updateInterrupt();
    }
}
