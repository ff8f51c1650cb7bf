package org.tock4j.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.SpiBus;
import org.tock4j.chips.emulator.world.SpiDevice;

/**
 * A stand-in SPI device for board tests: attached to one of the board's SPI buses behind a chip-select pin, it
 * records every selection (chip select low to high) with the frames exchanged and their virtual times, and
 * answers each frame with the next scripted one.
 *
 * <pre>{@code
 * SpiDeviceDouble flash = board.attachSpi("spi0", "P0.20")
 *         .reply(0x00, 0xEF, 0x40, 0x18);    // the answers to the next four frames
 * ... the driver selects it and sends 0x9F 0 0 0 ...
 * flash.transactions();                      // [[PT0.0012S] mosi [9F 00 00 00] miso [00 EF 40 18]]
 * }</pre>
 *
 * <p>Frames answered once the queue is empty get {@link #idleReply(int) the idle reply} (0 unless set). Calls
 * from the controller come on the board's thread; so must the test's calls (between runs).
 *
 * <p>Renode counterpart: {@code Antmicro.Renode.Peripherals.Mocks.DummySPISlave} (queued answers, received
 * frames recorded). Tock counterpart: none (the device on the far side of an {@code SpiMasterDevice}).
 */
public final class SpiDeviceDouble implements SpiDevice {
    private final String busName;
    private final String chipSelectName;
    private final VirtualClock clock;
    private final Deque<Integer> replies = new ArrayDeque<>();
    private final List<SpiTransaction> transactions = new ArrayList<>();
    private int idleReply;

    private boolean selected;
    private long startNs;
    private List<Integer> mosi = new ArrayList<>();
    private List<Integer> miso = new ArrayList<>();

    /** Puts a double on {@code bus}, selected while {@code chipSelect} is low. */
    SpiDeviceDouble(String busName, SpiBus bus, String chipSelectName, PinWire chipSelect, VirtualClock clock) {
        this.busName = Objects.requireNonNull(busName, "busName");
        this.chipSelectName = Objects.requireNonNull(chipSelectName, "chipSelectName");
        this.clock = Objects.requireNonNull(clock, "clock");
        bus.attach(chipSelect, this);
        if (!chipSelect.level()) {
            selected();
        }
    }

    /** The bus it is on, by the board's name for it. */
    public String busName() {
        return busName;
    }

    /** The pin that selects it. */
    public String chipSelectName() {
        return chipSelectName;
    }

    /** Queues {@code frames} to answer, in order, on the next frames the controller sends. */
    public SpiDeviceDouble reply(int... frames) {
        for (int f : frames) {
            if (f < 0 || f > 0xFFFF) {
                throw new IllegalArgumentException("an SPI frame is 0..0xFFFF, not " + f);
            }
            replies.addLast(f);
        }
        return this;
    }

    /** What the device answers once no scripted frame is left (0 unless set). */
    public SpiDeviceDouble idleReply(int frame) {
        this.idleReply = frame;
        return this;
    }

    /** Every selection so far, oldest first; the last may still be open ({@link SpiTransaction#isEnded()}). */
    public List<SpiTransaction> transactions() {
        List<SpiTransaction> all = new ArrayList<>(transactions);
        if (selected) {
            all.add(new SpiTransaction(startNs, -1, mosi, miso));
        }
        return Collections.unmodifiableList(all);
    }

    /** Every frame received on MOSI so far, across selections. */
    public List<Integer> received() {
        return transactions().stream().flatMap(t -> t.mosi().stream()).toList();
    }

    // ---- SpiDevice: the controller's side ----

    @Override
    public void selected() {
        if (selected) {
            return;
        }
        selected = true;
        startNs = clock.now();
        mosi = new ArrayList<>();
        miso = new ArrayList<>();
    }

    @Override
    public void deselected() {
        if (!selected) {
            return;
        }
        selected = false;
        transactions.add(new SpiTransaction(startNs, clock.now(), mosi, miso));
    }

    @Override
    public byte exchange(byte frame) {
        return (byte) transfer(frame & 0xFF, 8);
    }

    @Override
    public int transfer(int frame, int bits) {
        int mask = (1 << bits) - 1;
        int answer = (replies.isEmpty() ? idleReply : replies.removeFirst()) & mask;
        mosi.add(frame & mask);
        miso.add(answer);
        return answer;
    }

    @Override
    public String toString() {
        return "SpiDeviceDouble[" + busName + " behind " + chipSelectName + ", " + transactions().size()
                + " selections]";
    }
}
