package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.RngModel.*;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.rng.Client;
import org.tock4j.kernel.hil.rng.Continue;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The RNG HIL on the nRF5x RNG, as Tock's driver does it: the peripheral gives one byte per VALRDY, so four
 * interrupts gather a 32-bit word (first byte least significant), and the client is called from the
 * interrupt after that (the fifth), with an iterator that yields the word once.
 *
 * <pre>{@code
 * Trng rng = chip.trng();
 * rng.setClient((words, result) -> { int w = words.next(); return Continue.Done; });
 * rng.get();
 * }</pre>
 *
 * <p>As in Tock, the generator keeps running between words (the driver never triggers STOP) and
 * {@link #cancel()} answers {@code FAIL}; bias correction stays as CONFIG left it (off after reset).
 *
 * <p>Tock counterpart: {@code nrf5x::trng::Trng} (its {@code Entropy32}), here implementing the RNG HIL.
 */
public final class Trng implements Rng {
    private final MmioRegisters regs;
    private Client client;
    private int index;
    private int randomness;

    /** The RNG at {@code base} (0x4000D000). */
    public Trng(PhysicalMemory bus, int base) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
    }

    /** The RNG interrupt: collects a byte, or hands the finished word to the client. */
    public void handleInterrupt() {
        disableInterrupts();
        if (index <= 3) {
            int r = regs.read(VALUE) & 0xFF;
            randomness |= r << (8 * index);
            index++;
            startRng();
        } else if (index == 4) {
            if (client != null) {
                Continue result = client.randomnessAvailable(new WordIterator(), Result.ok());
                if (result != Continue.Done) {
                    startRng();
                }
            }
        } else {
            index = 0;
            randomness = 0;
        }
    }

    /** Turns CONFIG.DERCEN (bias correction) on or off: uniform bytes, each taking four times as long. */
    public void setBiasCorrection(boolean enabled) {
        regs.write(CONFIG, enabled ? CONFIG_DERCEN : 0);
    }

    private void enableInterrupts() {
        regs.write(INTENSET, INT_VALRDY);
    }

    private void disableInterrupts() {
        regs.write(INTENCLR, INT_VALRDY);
    }

    private void startRng() {
        regs.write(EVENTS_VALRDY, 0);
        enableInterrupts();
        regs.write(TASKS_START, 1);
    }

    /** Yields the gathered word once, then nothing until four more bytes are gathered. */
    private final class WordIterator implements Iterator<Integer> {
        @Override
        public boolean hasNext() {
            return index == 4;
        }

        @Override
        public Integer next() {
            if (index != 4) {
                throw new NoSuchElementException("no random word gathered yet");
            }
            int word = randomness;
            index = 0;
            randomness = 0;
            return word;
        }
    }

    // ---- Rng ----

    @Override
    public Result<Void, ErrorCode> get() {
        startRng();
        return Result.ok();
    }

    @Override
    public Result<Void, ErrorCode> cancel() {
        return Result.err(ErrorCode.FAIL);
    }

    @Override
    public void setClient(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }
}
