package org.tock4j.chips.emulator.world;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tock4j.chips.emulator.VirtualClock;

/**
 * A UART's connection to the outside world, as bytes.
 *
 * <ul>
 *   <li>TX (chip → world): every byte the UART sent, with the virtual time its stop bit ended; readable as
 *       bytes or text, and pushed to listeners as it completes.</li>
 *   <li>RX (world → chip): bytes the world sends wait here until the UART's receiver takes them, one per
 *       frame time at the configured baud rate, as if the sender waited for the receiver (hardware flow
 *       control); nothing typed is lost while no reception is running.</li>
 *   <li>Line errors (world → chip): {@link #feedFramingError()} sends a frame whose stop bit is 0, as a
 *       sender at the wrong baud rate or a break does; the UART model decides what its receiver makes of it
 *       (a status flag, the byte kept or dropped).</li>
 * </ul>
 *
 * <pre>{@code
 * UartLink console = chip.uartLink(0);
 * console.feed("help\n");                 // on the board's thread; from another thread use feedFromHost
 * ... run the board ...
 * console.transmittedText();              // "tock$ ..."
 * console.transmitted().get(0).timeNs();  // when the first byte's stop bit ended
 * }</pre>
 *
 * <p>Tock counterpart: none; the serial cable.
 */
public final class UartLink {
    private static final int FRAMING_ERROR = 0x100;
    private final String name;
    private final VirtualClock clock;
    private final List<TransmittedByte> transmitted = new ArrayList<>();
    private final List<Consumer<TransmittedByte>> transmitListeners = new CopyOnWriteArrayList<>();
    /** The world's frames: the byte in bits 0–7, {@code FRAMING_ERROR} set for a frame without its stop bit. */
    private final Deque<Integer> rxWaiting = new ArrayDeque<>();
    private Runnable rxAvailable = () -> {};

    public UartLink(String name, VirtualClock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String name() {
        return name;
    }

    // ---- TX: chip to world ----

    /** Called by the UART model when a byte's stop bit ends. */
    public void byteTransmitted(byte value) {
        TransmittedByte b = new TransmittedByte(clock.now(), value);
        transmitted.add(b);
        for (Consumer<TransmittedByte> l : transmitListeners) {
            l.accept(b);
        }
    }

    /** Every byte sent so far, oldest first. */
    public List<TransmittedByte> transmitted() {
        return Collections.unmodifiableList(transmitted);
    }

    public byte[] transmittedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(transmitted.size());
        for (TransmittedByte b : transmitted) {
            out.write(b.value());
        }
        return out.toByteArray();
    }

    /** The bytes sent so far, decoded as UTF-8. */
    public String transmittedText() {
        return new String(transmittedBytes(), StandardCharsets.UTF_8);
    }

    /** Forgets what was sent so far. */
    public void clearTransmitted() {
        transmitted.clear();
    }

    /** Tells {@code listener} of each byte as its stop bit ends (on the board's thread). */
    public void addTransmitListener(Consumer<TransmittedByte> listener) {
        transmitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTransmitListener(Consumer<TransmittedByte> listener) {
        transmitListeners.remove(listener);
    }

    // ---- RX: world to chip ----

    /** The world sends {@code bytes}; call on the board's thread. */
    public void feed(byte[] bytes) {
        for (byte b : bytes) {
            rxWaiting.addLast(b & 0xFF);
        }
        if (bytes.length > 0) {
            rxAvailable.run();
        }
    }

    /** The world sends {@code text} as UTF-8; call on the board's thread. */
    public void feed(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #feed(byte[])} from any thread: the bytes enter at the board's current virtual time. */
    public void feedFromHost(byte[] bytes) {
        byte[] copy = bytes.clone();
        clock.postFromHost(() -> feed(copy));
    }

    /**
     * The world sends one frame of {@code 0x00} whose stop bit is 0 (a framing error, as a break or a sender at
     * another baud rate produces), after any bytes already waiting; call on the board's thread.
     */
    public void feedFramingError() {
        feedFramingError((byte) 0);
    }

    /** The world sends a frame carrying {@code value} whose stop bit is 0 (a framing error). */
    public void feedFramingError(byte value) {
        rxWaiting.addLast((value & 0xFF) | FRAMING_ERROR);
        rxAvailable.run();
    }

    /** Whether the next frame waiting (the one {@link #takeRx()} would take) has a framing error. */
    public boolean nextRxHasFramingError() {
        Integer frame = rxWaiting.peekFirst();
        return frame != null && (frame & FRAMING_ERROR) != 0;
    }

    /** Frames sent by the world that the UART has not received yet. */
    public int rxWaitingCount() {
        return rxWaiting.size();
    }

    /** The next byte the world sends, without taking it; -1 if none waits. */
    public int peekRx() {
        Integer frame = rxWaiting.peekFirst();
        return frame == null ? -1 : frame & 0xFF;
    }

    /**
     * Takes the next byte the world sent (the UART model, once the byte's frame has ended); -1 if none. Ask
     * {@link #nextRxHasFramingError()} first to learn whether its frame had a framing error.
     */
    public int takeRx() {
        Integer frame = rxWaiting.pollFirst();
        return frame == null ? -1 : frame & 0xFF;
    }

    /** The UART model's hook, run whenever new bytes arrive. */
    public void setRxAvailableListener(Runnable listener) {
        rxAvailable = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public String toString() {
        return "UartLink[" + name + ", " + transmitted.size() + " bytes sent, " + rxWaiting.size() + " waiting]";
    }
}
