package org.tock4j.chips.sam4l.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.TickConverter;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;

/**
 * TRNG, the SAM4L True Random Number Generator (datasheet chapter 39), as silicon: while enabled it produces a
 * new 32-bit value every 84 cycles of its clock (CLK_TRNG, the PBA clock).
 *
 * <ul>
 *   <li>CR: ENABLE takes effect only with KEY 0x524E47 (a write with another key is ignored).</li>
 *   <li>ISR.DATRDY is set 84 cycles after the TRNG is enabled and 84 cycles after each read of ODATA, which
 *       clears it. The interrupt line is high while DATRDY is set and enabled in IMR.</li>
 *   <li>The values come from a generator seeded by the board's seed: the k-th value drawn since reset is a
 *       fixed function of (seed, k), so the same run draws the same numbers.</li>
 * </ul>
 *
 * <p>Values nobody reads are not generated: a new value replaces an unread one only when read. While the
 * TRNG's clock is masked it is frozen and requests no interrupt.
 */
public final class TrngModel {
    public static final int BASE = 0x4006_8000;

    public static final int CR = 0x00;
    public static final int IER = 0x10;
    public static final int IDR = 0x14;
    public static final int IMR = 0x18;
    public static final int ISR = 0x1C;
    public static final int ODATA = 0x50;
    public static final int VERSION = 0xFC;

    public static final int CR_ENABLE = 1;
    public static final int KEY = 0x52_4E47;
    public static final int DATRDY = 1;
    /** CLK_TRNG cycles per random value. */
    public static final int CYCLES_PER_VALUE = 84;

    private final VirtualClock clock;
    private final PeripheralClock gate;
    private final InterruptLine irq;
    private final RegisterBank bank;
    private final Register imr;
    private final ClockedTimer ready;
    private final long seed;
    private boolean enabled;
    private boolean datrdy;
    private long period;
    private long generated;

    public TrngModel(VirtualClock clock, PeripheralClock gate, InterruptLine irq, long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.seed = seed;
        this.ready = new ClockedTimer(clock, gate);
        bank = new RegisterBank("TRNG", BASE, 0, 0x4000);
        bank.writeOnly("CR", CR, this::control);
        imr = bank.internal("IMR state", 0);
        bank.writeOnly("IER", IER, v -> { imr.setBits(v & DATRDY); updateInterrupt(); });
        bank.writeOnly("IDR", IDR, v -> { imr.clearBits(v); updateInterrupt(); });
        bank.readOnly("IMR", IMR, imr::value);
        bank.readOnly("ISR", ISR, () -> datrdy ? DATRDY : 0);
        bank.readOnly("ODATA", ODATA, this::readOdata);
        bank.constant("VERSION", VERSION, 0x103);
        gate.addListener(running -> updateInterrupt());
    }

    public RegisterBank registers() {
        return bank;
    }

    private void control(int v) {
        if ((v >>> 8) != KEY) {
            bank.warn(String.format("CR written with key 0x%06X instead of 0x524E47; ignored", v >>> 8));
            return;
        }
        boolean enable = (v & CR_ENABLE) != 0;
        if (enable && !enabled) {
            enabled = true;
            datrdy = false;
            scheduleNext();
        } else if (!enable && enabled) {
            enabled = false;
            ready.cancel();
        }
        updateInterrupt();
    }

    private long periodNs() {
        long hz = gate.frequencyHz();
        if (hz == 0) {
            hz = ClockTree.RCSYS_HZ; // only used while gated, when the timer is frozen anyway
        }
        return new TickConverter(hz, 1_000_000_000L).timeOfTick(CYCLES_PER_VALUE);
    }

    /** The next value is ready one generation period from now. */
    private void scheduleNext() {
        ready.start(periodNs(), () -> {
            period++;
            generated = value(period);
            datrdy = true;
            updateInterrupt();
        });
    }

    private int readOdata() {
        if (!datrdy) {
            return (int) generated;
        }
        datrdy = false;
        int v = (int) generated;
        if (enabled) {
            scheduleNext();
        }
        updateInterrupt();
        return v;
    }

    /** SplitMix64 of (seed, k): a fixed, well-mixed function of the board seed and the period number. */
    private long value(long k) {
        long z = seed + k * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private void updateInterrupt() {
        irq.setLevel(gate.running() && datrdy && (imr.value() & DATRDY) != 0);
    }
}
