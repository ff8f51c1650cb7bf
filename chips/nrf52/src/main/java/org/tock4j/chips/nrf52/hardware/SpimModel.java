package org.tock4j.chips.nrf52.hardware;

import java.util.Map;
import java.util.Objects;

import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.SpiBus;

/**
 * SPIM, the nRF52's SPI controller with EasyDMA (product specification 6.25), as silicon, exchanging bytes
 * with the devices on an {@link SpiBus} (the one whose chip-select wire is low; the chip select is a GPIO the
 * driver drives).
 *
 * <ul>
 *   <li>START raises STARTED and clocks max(TXD.MAXCNT, RXD.MAXCNT) bytes, 8 clocks each at FREQUENCY: byte
 *       i goes out from TXD.PTR + i (the ORC character once TXD.MAXCNT bytes are sent) and the byte coming
 *       back is stored at RXD.PTR + i while RXD.MAXCNT allows.</li>
 *   <li>ENDTX is raised when the last TX byte is done, ENDRX when the last RX byte is, END when both are
 *       (with TXD.AMOUNT and RXD.AMOUNT set); the END_START shortcut starts the next transaction.</li>
 *   <li>STOP ends the transaction after the byte in progress and raises STOPPED.</li>
 *   <li>CONFIG.ORDER LsbFirst reverses each byte's bits on the wire (devices see MSB-first bytes); CPOL and
 *       CPHA are stored. The interrupt line is high while an event is set whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>Simplifications: SUSPEND and RESUME are declared but not modelled; the rate is the nominal one of the
 * FREQUENCY value; EasyDMA reads and writes each byte when it is clocked.
 */
public final class SpimModel implements SharedInstanceSlot.Member {
    public static final int TASKS_START = 0x010;
    public static final int TASKS_STOP = 0x014;
    public static final int TASKS_SUSPEND = 0x01C;
    public static final int TASKS_RESUME = 0x020;
    public static final int EVENTS_STOPPED = 0x104;
    public static final int EVENTS_ENDRX = 0x110;
    public static final int EVENTS_END = 0x118;
    public static final int EVENTS_ENDTX = 0x120;
    public static final int EVENTS_STARTED = 0x14C;
    public static final int SHORTS = 0x200;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int PSEL_SCK = 0x508;
    public static final int PSEL_MOSI = 0x50C;
    public static final int PSEL_MISO = 0x510;
    public static final int FREQUENCY = 0x524;
    public static final int RXD_PTR = 0x534;
    public static final int RXD_MAXCNT = 0x538;
    public static final int RXD_AMOUNT = 0x53C;
    public static final int RXD_LIST = 0x540;
    public static final int TXD_PTR = 0x544;
    public static final int TXD_MAXCNT = 0x548;
    public static final int TXD_AMOUNT = 0x54C;
    public static final int TXD_LIST = 0x550;
    public static final int CONFIG = 0x554;
    public static final int ORC = 0x5C0;

    public static final int ENABLE_SPIM = 7;
    public static final int SHORTS_END_START = 1 << 17;
    public static final int INT_STOPPED = 1 << 1;
    public static final int INT_ENDRX = 1 << 4;
    public static final int INT_END = 1 << 6;
    public static final int INT_ENDTX = 1 << 8;
    public static final int INT_STARTED = 1 << 19;
    public static final int CONFIG_ORDER_LSB_FIRST = 1;
    public static final int CONFIG_CPHA_TRAILING = 1 << 1;
    public static final int CONFIG_CPOL_ACTIVE_LOW = 1 << 2;
    public static final int MAXCNT_MASK = 0xFFFF;
    public static final int FREQUENCY_K250 = 0x0400_0000;
    public static final int PSEL_DISCONNECTED = 0xFFFF_FFFF;

    /** The FREQUENCY values of SPIM0–2 and their SCK rates. */
    public static final Map<Integer, Integer> FREQUENCIES = Map.of(0x0200_0000, 125_000, 0x0400_0000, 250_000,
            0x0800_0000, 500_000, 0x1000_0000, 1_000_000, 0x2000_0000, 2_000_000, 0x4000_0000, 4_000_000,
            0x8000_0000, 8_000_000);

    private final VirtualClock clock;
    private final MemoryBus bus;
    private final InterruptLine irq;
    private final SpiBus spi;
    private final RegisterBank bank;
    private final Register eventsStopped;
    private final Register eventsEndrx;
    private final Register eventsEnd;
    private final Register eventsEndtx;
    private final Register eventsStarted;
    private final Register shorts;
    private final Register inten;
    private final Register pselSck;
    private final Register frequency;
    private final Register rxdPtr;
    private final Register rxdMaxcnt;
    private final Register rxdAmount;
    private final Register txdPtr;
    private final Register txdMaxcnt;
    private final Register txdAmount;
    private final Register config;
    private final Register orc;

    private boolean enabled;
    private ScheduledEvent step;
    private boolean stopRequested;
    private int txCount;
    private int rxCount;
    private int index;
    private long startNs;
    private TickConverter clockRate;

    public SpimModel(String name, int baseAddress, VirtualClock clock, MemoryBus bus, InterruptLine irq, SpiBus spi) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.spi = Objects.requireNonNull(spi, "spi");
        bank = new RegisterBank(name, baseAddress);
        bank.task("TASKS_START", TASKS_START, this::start);
        bank.task("TASKS_STOP", TASKS_STOP, this::stop);
        bank.unmodelled("TASKS_SUSPEND", TASKS_SUSPEND, 0);
        bank.unmodelled("TASKS_RESUME", TASKS_RESUME, 0);
        eventsStopped = bank.event("EVENTS_STOPPED", EVENTS_STOPPED, this::updateInterrupt);
        eventsEndrx = bank.event("EVENTS_ENDRX", EVENTS_ENDRX, this::updateInterrupt);
        eventsEnd = bank.event("EVENTS_END", EVENTS_END, this::updateInterrupt);
        eventsEndtx = bank.event("EVENTS_ENDTX", EVENTS_ENDTX, this::updateInterrupt);
        eventsStarted = bank.event("EVENTS_STARTED", EVENTS_STARTED, this::updateInterrupt);
        shorts = bank.storage("SHORTS", SHORTS, 0, SHORTS_END_START, null);
        int intBits = INT_STOPPED | INT_ENDRX | INT_END | INT_ENDTX | INT_STARTED;
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & intBits);
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        pselSck = bank.storage("PSEL.SCK", PSEL_SCK, PSEL_DISCONNECTED);
        bank.storage("PSEL.MOSI", PSEL_MOSI, PSEL_DISCONNECTED);
        bank.storage("PSEL.MISO", PSEL_MISO, PSEL_DISCONNECTED);
        frequency = bank.storage("FREQUENCY", FREQUENCY, FREQUENCY_K250, this::frequencyWritten);
        rxdPtr = bank.storage("RXD.PTR", RXD_PTR, 0);
        rxdMaxcnt = bank.storage("RXD.MAXCNT", RXD_MAXCNT, 0, MAXCNT_MASK, null);
        rxdAmount = bank.constant("RXD.AMOUNT", RXD_AMOUNT, 0);
        bank.storage("RXD.LIST", RXD_LIST, 0, 0b11, null);
        txdPtr = bank.storage("TXD.PTR", TXD_PTR, 0);
        txdMaxcnt = bank.storage("TXD.MAXCNT", TXD_MAXCNT, 0, MAXCNT_MASK, null);
        txdAmount = bank.constant("TXD.AMOUNT", TXD_AMOUNT, 0);
        bank.storage("TXD.LIST", TXD_LIST, 0, 0b11, null);
        config = bank.storage("CONFIG", CONFIG, 0, 0b111, null);
        orc = bank.storage("ORC", ORC, 0, 0xFF, null);
    }

    @Override
    public RegisterBank registers() {
        return bank;
    }

    @Override
    public int enableValue() {
        return ENABLE_SPIM;
    }

    @Override
    public void setEnabled(boolean on) {
        enabled = on;
        if (!on && step != null) {
            bank.warn("SPIM disabled during a transaction; the transaction is abandoned");
            step.cancel();
            step = null;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether a transaction is in progress. */
    public boolean isBusy() {
        return step != null;
    }

    /** The SCK rate FREQUENCY selects. */
    public int sckRate() {
        Integer rate = FREQUENCIES.get(frequency.value());
        if (rate != null) {
            return rate;
        }
        return (int) Math.max(1, Integer.toUnsignedLong(frequency.value()) * 16_000_000L >>> 32);
    }

    private void frequencyWritten() {
        if (!FREQUENCIES.containsKey(frequency.value())) {
            bank.warn(String.format("FREQUENCY 0x%08X is not a value SPIM0-2 support; SCK runs at %d Hz",
                    frequency.value(), sckRate()));
        }
    }

    // ---- tasks ----

    private void start() {
        if (!enabled) {
            bank.warn("START while the SPIM is not enabled; ignored");
            return;
        }
        if (step != null) {
            bank.warn("START during a transaction; ignored");
            return;
        }
        if (pselSck.value() == PSEL_DISCONNECTED) {
            bank.warn("START with PSEL.SCK disconnected: no clock reaches the pins, the devices see nothing");
        }
        txCount = txdMaxcnt.value() & MAXCNT_MASK;
        rxCount = rxdMaxcnt.value() & MAXCNT_MASK;
        index = 0;
        stopRequested = false;
        startNs = clock.now();
        clockRate = TickConverter.ofHz(sckRate());
        txdAmount.set(0);
        rxdAmount.set(0);
        eventsStarted.set(1);
        updateInterrupt();
        scheduleNext();
    }

    private void stop() {
        if (step == null) {
            eventsStopped.set(1);
            updateInterrupt();
            return;
        }
        stopRequested = true;
    }

    private void scheduleNext() {
        int total = Math.max(txCount, rxCount);
        if (index >= total) {
            step = clock.schedule(clock.now(), this::end);
            return;
        }
        step = clock.schedule(startNs + clockRate.timeOfTick(8L * (index + 1)), this::byteDone);
    }

    private void byteDone() {
        byte mosi = (byte) orc.value();
        if (index < txCount) {
            try {
                mosi = bus.read8(txdPtr.value() + index);
            } catch (BusFault fault) {
                bank.warn("EasyDMA read failed (" + fault.getMessage() + "); ORC sent");
            }
        }
        boolean lsbFirst = config.isSet(CONFIG_ORDER_LSB_FIRST);
        byte miso = spi.exchange(lsbFirst ? reverse(mosi) : mosi);
        if (lsbFirst) {
            miso = reverse(miso);
        }
        if (index < rxCount) {
            try {
                bus.write8(rxdPtr.value() + index, miso);
            } catch (BusFault fault) {
                bank.warn("EasyDMA write failed (" + fault.getMessage() + "); byte lost");
            }
        }
        index++;
        if (index == txCount) {
            txdAmount.set(txCount);
            eventsEndtx.set(1);
        }
        if (index == rxCount) {
            rxdAmount.set(rxCount);
            eventsEndrx.set(1);
        }
        updateInterrupt();
        if (stopRequested) {
            step = null;
            txdAmount.set(Math.min(index, txCount));
            rxdAmount.set(Math.min(index, rxCount));
            eventsStopped.set(1);
            updateInterrupt();
            return;
        }
        scheduleNext();
    }

    private void end() {
        step = null;
        if (txCount == 0) {
            eventsEndtx.set(1);
        }
        if (rxCount == 0) {
            eventsEndrx.set(1);
        }
        eventsEnd.set(1);
        updateInterrupt();
        if (shorts.isSet(SHORTS_END_START)) {
            start();
        }
    }

    private static byte reverse(byte b) {
        return (byte) (Integer.reverse(b & 0xFF) >>> 24);
    }

    private void updateInterrupt() {
        int events = (eventsStopped.isSet() ? INT_STOPPED : 0)
                | (eventsEndrx.isSet() ? INT_ENDRX : 0)
                | (eventsEnd.isSet() ? INT_END : 0)
                | (eventsEndtx.isSet() ? INT_ENDTX : 0)
                | (eventsStarted.isSet() ? INT_STARTED : 0);
        irq.setLevel((events & inten.value()) != 0);
    }

    /** Back to the reset state; a transaction in progress is abandoned. */
    public void reset() {
        if (step != null) {
            step.cancel();
            step = null;
        }
        enabled = false;
        bank.reset();
        updateInterrupt();
    }
}
