package org.tock4j.chips.nrf52.hardware;

import java.util.Map;
import java.util.Objects;

import org.tock4j.chips.emulator.BusFault;
import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.RegionKind;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.UartLink;

/**
 * UARTE, the nRF52840's UART with EasyDMA (product specification 6.34), as silicon.
 *
 * <ul>
 *   <li>TX: STARTTX reads TXD.MAXCNT bytes from TXD.PTR through the bus (EasyDMA) and raises TXSTARTED.
 *       Each byte takes (1 start + 8 data [+ 1 parity] + 1 or 2 stop) bits at the baud rate and reaches the
 *       {@link UartLink} when its last bit ends (TXDRDY). After the last one, TXD.AMOUNT is set and ENDTX
 *       raised. STOPTX ends a transfer early (ENDTX with the bytes sent so far, then TXSTOPPED).</li>
 *   <li>RX: STARTRX raises RXSTARTED; bytes the world sent are received one frame time each and written by
 *       EasyDMA to RXD.PTR (RXDRDY); after RXD.MAXCNT bytes, RXD.AMOUNT is set and ENDRX raised. STOPRX ends
 *       a reception early: ENDRX with the bytes so far, then RXTO. The SHORTS ENDRX_STARTRX and ENDRX_STOPRX
 *       are honoured.</li>
 *   <li>A frame the world sends with a framing error ({@link UartLink#feedFramingError()}) sets
 *       ERRORSRC.FRAMING and raises ERROR; as the product specification says of a wrong stop bit, that byte
 *       is not stored in Data RAM (nor counted in RXD.AMOUNT), reception goes on, and the following bytes
 *       are stored. ERRORSRC is write-one-to-clear.</li>
 *   <li>The interrupt line is high while any event is set whose INTEN bit is set.</li>
 * </ul>
 *
 * <p>Simplifications, each deliberate: the baud rate is the nominal rate of the BAUDRATE value (115200,
 * not the 115108 the silicon achieves); between receptions the link holds the world's bytes (no 6-byte
 * RX FIFO, no overrun: as if the sender waited for the receiver); the only line error is the framing error
 * the world sends (no parity errors, breaks or overruns); CTS/NCTS are only stored.
 */
public final class UarteModel {
    public static final int TASKS_STARTRX = 0x000;
    public static final int TASKS_STOPRX = 0x004;
    public static final int TASKS_STARTTX = 0x008;
    public static final int TASKS_STOPTX = 0x00C;
    public static final int TASKS_FLUSHRX = 0x02C;
    public static final int EVENTS_CTS = 0x100;
    public static final int EVENTS_NCTS = 0x104;
    public static final int EVENTS_RXDRDY = 0x108;
    public static final int EVENTS_ENDRX = 0x110;
    public static final int EVENTS_TXDRDY = 0x11C;
    public static final int EVENTS_ENDTX = 0x120;
    public static final int EVENTS_ERROR = 0x124;
    public static final int EVENTS_RXTO = 0x144;
    public static final int EVENTS_RXSTARTED = 0x14C;
    public static final int EVENTS_TXSTARTED = 0x150;
    public static final int EVENTS_TXSTOPPED = 0x158;
    public static final int SHORTS = 0x200;
    public static final int INTEN = 0x300;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int ERRORSRC = 0x480;
    public static final int ENABLE = 0x500;
    public static final int PSEL_RTS = 0x508;
    public static final int PSEL_TXD = 0x50C;
    public static final int PSEL_CTS = 0x510;
    public static final int PSEL_RXD = 0x514;
    public static final int BAUDRATE = 0x524;
    public static final int RXD_PTR = 0x534;
    public static final int RXD_MAXCNT = 0x538;
    public static final int RXD_AMOUNT = 0x53C;
    public static final int TXD_PTR = 0x544;
    public static final int TXD_MAXCNT = 0x548;
    public static final int TXD_AMOUNT = 0x54C;
    public static final int CONFIG = 0x56C;

    // INTEN / INTENSET / INTENCLR bits
    public static final int INT_CTS = 1;
    public static final int INT_NCTS = 1 << 1;
    public static final int INT_RXDRDY = 1 << 2;
    public static final int INT_ENDRX = 1 << 4;
    public static final int INT_TXDRDY = 1 << 7;
    public static final int INT_ENDTX = 1 << 8;
    public static final int INT_ERROR = 1 << 9;
    public static final int INT_RXTO = 1 << 17;
    public static final int INT_RXSTARTED = 1 << 19;
    public static final int INT_TXSTARTED = 1 << 20;
    public static final int INT_TXSTOPPED = 1 << 22;

    // ERRORSRC bits
    public static final int ERRORSRC_OVERRUN = 1;
    public static final int ERRORSRC_PARITY = 1 << 1;
    public static final int ERRORSRC_FRAMING = 1 << 2;
    public static final int ERRORSRC_BREAK = 1 << 3;

    public static final int SHORTS_ENDRX_STARTRX = 1 << 5;
    public static final int SHORTS_ENDRX_STOPRX = 1 << 6;
    public static final int ENABLE_ENABLED = 8;
    public static final int PSEL_DISCONNECTED = 0xFFFF_FFFF;
    public static final int CONFIG_HWFC = 1;
    public static final int CONFIG_PARITY_MASK = 0b111 << 1;
    public static final int CONFIG_PARITY_INCLUDED = 0b111 << 1;
    public static final int CONFIG_STOP_TWO = 1 << 4;
    public static final int CONFIG_PARITYTYPE_ODD = 1 << 8;
    public static final int MAXCNT_MASK = 0xFFFF;
    public static final int BAUDRATE_RESET = 0x0400_0000;

    /** The BAUDRATE register values of the product specification and their nominal rates. */
    public static final Map<Integer, Integer> BAUD_RATES = Map.ofEntries(
            Map.entry(0x0004_F000, 1_200), Map.entry(0x0009_D000, 2_400), Map.entry(0x0013_B000, 4_800),
            Map.entry(0x0027_5000, 9_600), Map.entry(0x003A_F000, 14_400), Map.entry(0x004E_A000, 19_200),
            Map.entry(0x0075_C000, 28_800), Map.entry(0x0080_0000, 31_250), Map.entry(0x009D_0000, 38_400),
            Map.entry(0x00E5_0000, 56_000), Map.entry(0x00EB_0000, 57_600), Map.entry(0x013A_9000, 76_800),
            Map.entry(0x01D6_0000, 115_200), Map.entry(0x03B0_0000, 230_400), Map.entry(0x0400_0000, 250_000),
            Map.entry(0x0740_0000, 460_800), Map.entry(0x0F00_0000, 921_600), Map.entry(0x1000_0000, 1_000_000));

    private final VirtualClock clock;
    private final MemoryBus bus;
    private final InterruptLine irq;
    private final UartLink link;
    private final RegisterBank bank;

    private final Register eventsCts;
    private final Register eventsNcts;
    private final Register eventsRxdrdy;
    private final Register eventsEndrx;
    private final Register eventsTxdrdy;
    private final Register eventsEndtx;
    private final Register eventsError;
    private final Register eventsRxto;
    private final Register eventsRxstarted;
    private final Register eventsTxstarted;
    private final Register eventsTxstopped;
    private final Register shorts;
    private final Register inten;
    private final Register enable;
    private final Register baudrate;
    private final Register rxdPtr;
    private final Register rxdMaxcnt;
    private final Register rxdAmount;
    private final Register txdPtr;
    private final Register txdMaxcnt;
    private final Register txdAmount;
    private final Register config;
    private final Register errorsrc;

    // TX state
    private boolean txActive;
    private byte[] txData = new byte[0];
    private int txSent;
    private long txStartNs;
    private TickConverter txBits;
    private int txFrameBits;
    private ScheduledEvent txEvent;

    // RX state
    private boolean rxActive;
    private int rxPtr;
    private int rxMaxcnt;
    private int rxCount;
    private ScheduledEvent rxEvent;
    private long rxStreamStartNs;
    private int rxStreamIndex;

    public UarteModel(String name, int baseAddress, VirtualClock clock, MemoryBus bus, InterruptLine irq,
            UartLink link) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.link = Objects.requireNonNull(link, "link");
        bank = new RegisterBank(name, baseAddress);
        bank.task("TASKS_STARTRX", TASKS_STARTRX, this::startRx);
        bank.task("TASKS_STOPRX", TASKS_STOPRX, this::stopRx);
        bank.task("TASKS_STARTTX", TASKS_STARTTX, this::startTx);
        bank.task("TASKS_STOPTX", TASKS_STOPTX, this::stopTx);
        bank.unmodelled("TASKS_FLUSHRX", TASKS_FLUSHRX, 0);
        eventsCts = bank.event("EVENTS_CTS", EVENTS_CTS, this::updateInterrupt);
        eventsNcts = bank.event("EVENTS_NCTS", EVENTS_NCTS, this::updateInterrupt);
        eventsRxdrdy = bank.event("EVENTS_RXDRDY", EVENTS_RXDRDY, this::updateInterrupt);
        eventsEndrx = bank.event("EVENTS_ENDRX", EVENTS_ENDRX, this::updateInterrupt);
        eventsTxdrdy = bank.event("EVENTS_TXDRDY", EVENTS_TXDRDY, this::updateInterrupt);
        eventsEndtx = bank.event("EVENTS_ENDTX", EVENTS_ENDTX, this::updateInterrupt);
        eventsError = bank.event("EVENTS_ERROR", EVENTS_ERROR, this::updateInterrupt);
        eventsRxto = bank.event("EVENTS_RXTO", EVENTS_RXTO, this::updateInterrupt);
        eventsRxstarted = bank.event("EVENTS_RXSTARTED", EVENTS_RXSTARTED, this::updateInterrupt);
        eventsTxstarted = bank.event("EVENTS_TXSTARTED", EVENTS_TXSTARTED, this::updateInterrupt);
        eventsTxstopped = bank.event("EVENTS_TXSTOPPED", EVENTS_TXSTOPPED, this::updateInterrupt);
        shorts = bank.storage("SHORTS", SHORTS, 0, SHORTS_ENDRX_STARTRX | SHORTS_ENDRX_STOPRX, null);
        int intBits = INT_CTS | INT_NCTS | INT_RXDRDY | INT_ENDRX | INT_TXDRDY | INT_ENDTX | INT_ERROR | INT_RXTO
                | INT_RXSTARTED | INT_TXSTARTED | INT_TXSTOPPED;
        inten = bank.storage("INTEN", INTEN, 0, intBits, this::updateInterrupt);
        bank.writeOneToSet("INTENSET", INTENSET, inten, this::updateInterrupt);
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        errorsrc = bank.internal("ERRORSRC state", 0);
        bank.custom("ERRORSRC", ERRORSRC, 0, errorsrc::value, v -> errorsrc.clearBits(v));
        enable = bank.storage("ENABLE", ENABLE, 0, 0xF, this::enableWritten);
        bank.storage("PSEL.RTS", PSEL_RTS, PSEL_DISCONNECTED);
        bank.storage("PSEL.TXD", PSEL_TXD, PSEL_DISCONNECTED);
        bank.storage("PSEL.CTS", PSEL_CTS, PSEL_DISCONNECTED);
        bank.storage("PSEL.RXD", PSEL_RXD, PSEL_DISCONNECTED);
        baudrate = bank.storage("BAUDRATE", BAUDRATE, BAUDRATE_RESET, this::baudrateWritten);
        rxdPtr = bank.storage("RXD.PTR", RXD_PTR, 0);
        rxdMaxcnt = bank.storage("RXD.MAXCNT", RXD_MAXCNT, 0, MAXCNT_MASK, null);
        rxdAmount = bank.readOnly("RXD.AMOUNT", RXD_AMOUNT, () -> rxAmountValue());
        txdPtr = bank.storage("TXD.PTR", TXD_PTR, 0);
        txdMaxcnt = bank.storage("TXD.MAXCNT", TXD_MAXCNT, 0, MAXCNT_MASK, null);
        txdAmount = bank.readOnly("TXD.AMOUNT", TXD_AMOUNT, () -> txAmountValue());
        config = bank.storage("CONFIG", CONFIG, 0, CONFIG_HWFC | CONFIG_PARITY_MASK | CONFIG_STOP_TWO
                | CONFIG_PARITYTYPE_ODD, null);
        link.setRxAvailableListener(this::receiveNext);
    }

    public RegisterBank registers() {
        return bank;
    }

    public UartLink link() {
        return link;
    }

    /** The baud rate the BAUDRATE register selects. */
    public int baudRate() {
        Integer nominal = BAUD_RATES.get(baudrate.value());
        if (nominal != null) {
            return nominal;
        }
        // Not a documented value: the rate the register's fraction of 16 MHz gives.
        return (int) Math.max(1, Integer.toUnsignedLong(baudrate.value()) * 16_000_000L >>> 32);
    }

    /** Bits per frame: start, 8 data, parity if included, stop bits. */
    public int frameBits() {
        boolean parity = (config.value() & CONFIG_PARITY_MASK) == CONFIG_PARITY_INCLUDED;
        boolean twoStop = (config.value() & CONFIG_STOP_TWO) != 0;
        return 1 + 8 + (parity ? 1 : 0) + (twoStop ? 2 : 1);
    }

    public boolean isTransmitting() {
        return txActive;
    }

    public boolean isReceiving() {
        return rxActive;
    }

    private int txAmountValue() {
        return txdAmount.value();
    }

    private int rxAmountValue() {
        return rxdAmount.value();
    }

    private boolean enabled() {
        return enable.value() == ENABLE_ENABLED;
    }

    private void enableWritten() {
        int v = enable.value();
        if (v != 0 && v != ENABLE_ENABLED) {
            bank.warn("ENABLE = " + v + ": only UARTE (8) and disabled (0) are modelled");
        }
        if (v != ENABLE_ENABLED && (txActive || rxActive)) {
            bank.warn("UARTE disabled during a transfer; the transfer is abandoned");
            cancel(txEvent);
            cancel(rxEvent);
            txActive = false;
            rxActive = false;
        }
    }

    private void baudrateWritten() {
        if (!BAUD_RATES.containsKey(baudrate.value())) {
            bank.warn(String.format("BAUDRATE 0x%08X is not a documented value; running at %d baud",
                    baudrate.value(), baudRate()));
        }
    }

    // ---- TX ----

    private void startTx() {
        if (!enabled()) {
            bank.warn("STARTTX while the UARTE is not enabled; ignored");
            return;
        }
        if (txActive) {
            bank.warn("STARTTX during a transmission; ignored");
            return;
        }
        int count = txdMaxcnt.value() & MAXCNT_MASK;
        txData = dmaRead(txdPtr.value(), count);
        txActive = true;
        txSent = 0;
        txStartNs = clock.now();
        txBits = new TickConverter(baudRate(), 1_000_000_000L);
        txFrameBits = frameBits();
        clock.schedule(clock.now(), () -> {
            eventsTxstarted.set(1);
            updateInterrupt();
        });
        scheduleNextTxByte();
    }

    private void scheduleNextTxByte() {
        if (txSent == txData.length) {
            txEvent = clock.schedule(clock.now(), this::endTx);
            return;
        }
        long end = txStartNs + txBits.timeOfTick((long) (txSent + 1) * txFrameBits);
        txEvent = clock.schedule(end, this::txByteDone);
    }

    private void txByteDone() {
        link.byteTransmitted(txData[txSent]);
        txSent++;
        eventsTxdrdy.set(1);
        if (txSent == txData.length) {
            endTx();
        } else {
            scheduleNextTxByte();
            updateInterrupt();
        }
    }

    private void endTx() {
        txEvent = null;
        txActive = false;
        txdAmount.set(txSent);
        eventsEndtx.set(1);
        updateInterrupt();
    }

    private void stopTx() {
        if (txActive) {
            cancel(txEvent);
            endTx();
        }
        eventsTxstopped.set(1);
        updateInterrupt();
    }

    private byte[] dmaRead(int address, int count) {
        checkDataRam(address, count, "TXD.PTR");
        byte[] data = new byte[count];
        try {
            bus.read(address, data, 0, count);
            return data;
        } catch (BusFault fault) {
            bank.warn("EasyDMA read failed (" + fault.getMessage() + "); nothing sent");
            return new byte[0];
        }
    }

    private void checkDataRam(int address, int count, String register) {
        boolean inRam = bus.regionOf(address).filter(r -> r.kind() == RegionKind.RAM)
                .filter(r -> r.contains(address, count)).isPresent();
        if (count > 0 && !inRam) {
            bank.warn(String.format("%s 0x%08X is not in Data RAM: EasyDMA only reaches Data RAM", register, address));
        }
    }

    // ---- RX ----

    private void startRx() {
        if (!enabled()) {
            bank.warn("STARTRX while the UARTE is not enabled; ignored");
            return;
        }
        if (rxActive) {
            bank.warn("STARTRX during a reception; ignored");
            return;
        }
        rxActive = true;
        rxPtr = rxdPtr.value();
        rxMaxcnt = rxdMaxcnt.value() & MAXCNT_MASK;
        rxCount = 0;
        checkDataRam(rxPtr, rxMaxcnt, "RXD.PTR");
        clock.schedule(clock.now(), () -> {
            eventsRxstarted.set(1);
            updateInterrupt();
        });
        if (rxMaxcnt == 0) {
            rxEvent = clock.schedule(clock.now(), this::endRx);
        } else {
            receiveNext();
        }
    }

    /** Starts receiving the next byte the world sent, if the receiver is idle and one waits. */
    private void receiveNext() {
        if (!rxActive || rxEvent != null || link.rxWaitingCount() == 0 || rxCount >= rxMaxcnt) {
            return;
        }
        TickConverter bits = new TickConverter(baudRate(), 1_000_000_000L);
        int frame = frameBits();
        long next = rxStreamStartNs + bits.timeOfTick((long) rxStreamIndex * frame);
        if (rxStreamIndex == 0 || next != clock.now()) {
            // The line was idle: a new stream of back-to-back frames starts now.
            rxStreamStartNs = clock.now();
            rxStreamIndex = 0;
        }
        rxStreamIndex++;
        rxEvent = clock.schedule(rxStreamStartNs + bits.timeOfTick((long) rxStreamIndex * frame), this::rxByteDone);
    }

    private void rxByteDone() {
        rxEvent = null;
        boolean framingError = link.nextRxHasFramingError();
        int value = link.takeRx();
        if (value < 0) {
            return;
        }
        if (framingError) {
            // A wrong stop bit: ERROR, and the byte is not stored; reception goes on with the next one.
            errorsrc.setBits(ERRORSRC_FRAMING);
            eventsError.set(1);
            updateInterrupt();
            receiveNext();
            return;
        }
        try {
            bus.write8(rxPtr + rxCount, (byte) value);
        } catch (BusFault fault) {
            bank.warn("EasyDMA write failed (" + fault.getMessage() + "); byte lost");
        }
        rxCount++;
        eventsRxdrdy.set(1);
        if (rxCount >= rxMaxcnt) {
            endRx();
        } else {
            updateInterrupt();
            receiveNext();
        }
    }

    private void endRx() {
        cancel(rxEvent);
        rxEvent = null;
        rxActive = false;
        rxStreamIndex = 0;
        rxdAmount.set(rxCount);
        eventsEndrx.set(1);
        updateInterrupt();
        if ((shorts.value() & SHORTS_ENDRX_STARTRX) != 0) {
            startRx();
        } else if ((shorts.value() & SHORTS_ENDRX_STOPRX) != 0) {
            eventsRxto.set(1);
            updateInterrupt();
        }
    }

    private void stopRx() {
        if (!rxActive) {
            return;
        }
        // The byte on the line stays with the world; the receiver ends with what it has.
        cancel(rxEvent);
        rxEvent = null;
        rxActive = false;
        clock.schedule(clock.now(), () -> {
            rxStreamIndex = 0;
            rxdAmount.set(rxCount);
            eventsEndrx.set(1);
            eventsRxto.set(1);
            updateInterrupt();
        });
    }

    // ---- interrupt ----

    private void updateInterrupt() {
        int events = (eventsCts.isSet() ? INT_CTS : 0)
                | (eventsNcts.isSet() ? INT_NCTS : 0)
                | (eventsRxdrdy.isSet() ? INT_RXDRDY : 0)
                | (eventsEndrx.isSet() ? INT_ENDRX : 0)
                | (eventsTxdrdy.isSet() ? INT_TXDRDY : 0)
                | (eventsEndtx.isSet() ? INT_ENDTX : 0)
                | (eventsError.isSet() ? INT_ERROR : 0)
                | (eventsRxto.isSet() ? INT_RXTO : 0)
                | (eventsRxstarted.isSet() ? INT_RXSTARTED : 0)
                | (eventsTxstarted.isSet() ? INT_TXSTARTED : 0)
                | (eventsTxstopped.isSet() ? INT_TXSTOPPED : 0);
        irq.setLevel((events & inten.value()) != 0);
    }

    private static void cancel(ScheduledEvent event) {
        if (event != null) {
            event.cancel();
        }
    }

    /** Back to the reset state; transfers in progress are abandoned. */
    public void reset() {
        cancel(txEvent);
        cancel(rxEvent);
        txEvent = null;
        rxEvent = null;
        txActive = false;
        rxActive = false;
        rxStreamIndex = 0;
        bank.reset();
        updateInterrupt();
    }
}
