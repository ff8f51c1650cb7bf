package org.tock4j.chips.nrf52.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.PinWire;
import org.tock4j.chips.emulator.world.Pull;

/**
 * One GPIO port of the nRF52840 (product specification 6.9), as silicon, wired to its pins' {@link PinWire}s.
 *
 * <ul>
 *   <li>DIR (shared with PIN_CNF[n].DIR) makes a pin an output; an output drives its wire with its OUT bit,
 *       as PIN_CNF[n].DRIVE allows (D0S1/D0H1 release a 0, S0D1/H0D1 release a 1: open drain).</li>
 *   <li>PIN_CNF[n].PULL sets the chip's pull resistor on the wire.</li>
 *   <li>IN reads a wire's level when PIN_CNF[n].INPUT connects the input buffer, 0 when disconnected.</li>
 *   <li>PIN_CNF[n].SENSE (High/Low) sets the pin's LATCH bit while the level matches; writing 1 to a LATCH
 *       bit clears it (it sets again at once if the level still matches).</li>
 *   <li>The port's DETECT signal (to GPIOTE's PORT event): with DETECTMODE default, high while any pin's
 *       SENSE condition is met; with DETECTMODE LDETECT, high while LATCH is not 0, and a clear of LATCH that
 *       leaves bits set makes a new rising edge.</li>
 *   <li>Each pin's input signal (what IN shows: the wire's level while the input buffer is connected, else
 *       0) is reported to {@linkplain #addInputListener input listeners} whenever it changes: GPIOTE's IN
 *       channels listen. A GPIOTE task channel can take over a pin's output driver
 *       ({@link #setTaskOutput}).</li>
 * </ul>
 */
public final class GpioPortModel {
    public static final int OUT = 0x504;
    public static final int OUTSET = 0x508;
    public static final int OUTCLR = 0x50C;
    public static final int IN = 0x510;
    public static final int DIR = 0x514;
    public static final int DIRSET = 0x518;
    public static final int DIRCLR = 0x51C;
    public static final int LATCH = 0x520;
    public static final int DETECTMODE = 0x524;
    public static final int PIN_CNF = 0x700;

    public static final int PIN_CNF_DIR_OUTPUT = 1;
    public static final int PIN_CNF_INPUT_DISCONNECT = 1 << 1;
    public static final int PIN_CNF_PULL_SHIFT = 2;
    public static final int PIN_CNF_PULL_MASK = 0b11 << PIN_CNF_PULL_SHIFT;
    public static final int PULL_DISABLED = 0;
    public static final int PULL_PULLDOWN = 1;
    public static final int PULL_PULLUP = 3;
    public static final int PIN_CNF_DRIVE_SHIFT = 8;
    public static final int PIN_CNF_DRIVE_MASK = 0b111 << PIN_CNF_DRIVE_SHIFT;
    public static final int DRIVE_S0S1 = 0;
    public static final int DRIVE_H0H1 = 3;
    public static final int DRIVE_D0S1 = 4;
    public static final int DRIVE_D0H1 = 5;
    public static final int DRIVE_S0D1 = 6;
    public static final int DRIVE_H0D1 = 7;
    public static final int PIN_CNF_SENSE_SHIFT = 16;
    public static final int PIN_CNF_SENSE_MASK = 0b11 << PIN_CNF_SENSE_SHIFT;
    public static final int SENSE_DISABLED = 0;
    public static final int SENSE_HIGH = 2;
    public static final int SENSE_LOW = 3;
    /** Input, input buffer disconnected, no pull, S0S1, no sense. */
    public static final int PIN_CNF_RESET = PIN_CNF_INPUT_DISCONNECT;
    private static final int PIN_CNF_WRITABLE = PIN_CNF_DIR_OUTPUT | PIN_CNF_INPUT_DISCONNECT | PIN_CNF_PULL_MASK
            | PIN_CNF_DRIVE_MASK | PIN_CNF_SENSE_MASK;

    private final String name;
    private final int pinCount;
    private final int validMask;
    private final PinWire[] wires;
    private final int[] pinCnf;
    private final RegisterBank bank;
    private final Register detectMode;
    private final boolean[] input;
    private final Boolean[] taskOutput;
    private final List<InputListener> inputListeners = new ArrayList<>();
    private final List<DetectListener> detectListeners = new ArrayList<>();
    private int out;
    private int dir;
    private int latch;
    private boolean detect;

    /** Told when a pin's input signal changes. */
    @FunctionalInterface
    public interface InputListener {
        void inputChanged(GpioPortModel port, int pin, boolean level);
    }

    /** Told when the port's DETECT signal changes. */
    @FunctionalInterface
    public interface DetectListener {
        void detectChanged(GpioPortModel port, boolean level);
    }

    /**
     * @param name the port's name, {@code P0} or {@code P1}; its pins are named {@code P0.13}
     * @param baseAddress the port's base (0x50000000 for P0, 0x50000300 for P1)
     */
    public GpioPortModel(String name, int baseAddress, int pinCount, VirtualClock clock) {
        this.name = Objects.requireNonNull(name, "name");
        if (pinCount < 1 || pinCount > 32) {
            throw new IllegalArgumentException("a GPIO port has 1..32 pins: " + pinCount);
        }
        this.pinCount = pinCount;
        this.validMask = pinCount == 32 ? -1 : (1 << pinCount) - 1;
        this.wires = new PinWire[pinCount];
        this.pinCnf = new int[pinCount];
        this.input = new boolean[pinCount];
        this.taskOutput = new Boolean[pinCount];
        for (int n = 0; n < pinCount; n++) {
            int pin = n;
            wires[n] = new PinWire(name + "." + n, clock);
            wires[n].addListener((wire, edge) -> levelChanged(pin));
            pinCnf[n] = PIN_CNF_RESET;
        }
        // The register block starts at OUT; P0's and P1's blocks interleave with each other's reserved space.
        bank = new RegisterBank("GPIO " + name, baseAddress, OUT, PIN_CNF + 4 * 32 - OUT);
        bank.custom("OUT", OUT, 0, () -> out, v -> setOut(v));
        bank.custom("OUTSET", OUTSET, 0, () -> out, v -> setOut(out | v));
        bank.custom("OUTCLR", OUTCLR, 0, () -> out, v -> setOut(out & ~v));
        bank.readOnly("IN", IN, this::in);
        bank.custom("DIR", DIR, 0, () -> dir, v -> setDir(v));
        bank.custom("DIRSET", DIRSET, 0, () -> dir, v -> setDir(dir | v));
        bank.custom("DIRCLR", DIRCLR, 0, () -> dir, v -> setDir(dir & ~v));
        bank.custom("LATCH", LATCH, 0, () -> latch, this::clearLatch);
        detectMode = bank.storage("DETECTMODE", DETECTMODE, 0, 1, () -> updateDetect(false));
        for (int n = 0; n < pinCount; n++) {
            int pin = n;
            bank.custom("PIN_CNF[" + n + "]", PIN_CNF + 4 * n, PIN_CNF_RESET, () -> readPinCnf(pin),
                    v -> writePinCnf(pin, v));
        }
    }

    public RegisterBank registers() {
        return bank;
    }

    public String name() {
        return name;
    }

    public int pinCount() {
        return pinCount;
    }

    /** The wire of pin {@code n}. */
    public PinWire wire(int n) {
        return wires[n];
    }

    /** Pin {@code n}'s input signal: its wire's level while the input buffer is connected, else false. */
    public boolean input(int n) {
        return input[n];
    }

    /** The port's DETECT signal now. */
    public boolean detect() {
        return detect;
    }

    public void addInputListener(InputListener listener) {
        inputListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void addDetectListener(DetectListener listener) {
        detectListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A GPIOTE task channel takes pin {@code n}'s output driver and drives {@code level}; {@code null} gives
     * it back to the GPIO registers.
     */
    public void setTaskOutput(int n, Boolean level) {
        taskOutput[n] = level;
        apply(n);
    }

    /** The level a GPIOTE task channel drives on pin {@code n}; null when no channel owns it. */
    public Boolean taskOutput(int n) {
        return taskOutput[n];
    }

    private void setOut(int value) {
        out = value & validMask;
        applyAll();
    }

    private void setDir(int value) {
        dir = value & validMask;
        applyAll();
    }

    private int readPinCnf(int pin) {
        return (pinCnf[pin] & ~PIN_CNF_DIR_OUTPUT) | ((dir >>> pin) & 1);
    }

    private void writePinCnf(int pin, int value) {
        int v = value & PIN_CNF_WRITABLE;
        int pull = (v & PIN_CNF_PULL_MASK) >>> PIN_CNF_PULL_SHIFT;
        if (pull == 2) {
            bank.warn("PIN_CNF[" + pin + "].PULL = 2 is reserved; treated as disabled");
        }
        int senseField = (v & PIN_CNF_SENSE_MASK) >>> PIN_CNF_SENSE_SHIFT;
        if (senseField == 1) {
            bank.warn("PIN_CNF[" + pin + "].SENSE = 1 is reserved; treated as disabled");
        }
        pinCnf[pin] = v;
        dir = (dir & ~(1 << pin)) | ((v & PIN_CNF_DIR_OUTPUT) << pin);
        apply(pin);
        levelChanged(pin);
    }

    private int in() {
        int value = 0;
        for (int n = 0; n < pinCount; n++) {
            if ((pinCnf[n] & PIN_CNF_INPUT_DISCONNECT) == 0 && wires[n].level()) {
                value |= 1 << n;
            }
        }
        return value;
    }

    private void clearLatch(int bits) {
        latch &= ~bits;
        for (int n = 0; n < pinCount; n++) {
            if ((bits & (1 << n)) != 0) {
                sense(n);
            }
        }
        updateDetect((bits & validMask) != 0);
    }

    /** A pin's wire or configuration changed: sense, input signal and DETECT follow. */
    private void levelChanged(int n) {
        sense(n);
        boolean level = (pinCnf[n] & PIN_CNF_INPUT_DISCONNECT) == 0 && wires[n].level();
        if (level != input[n]) {
            input[n] = level;
            for (InputListener l : inputListeners) {
                l.inputChanged(this, n, level);
            }
        }
        updateDetect(false);
    }

    private boolean senseMatches(int n) {
        int senseField = (pinCnf[n] & PIN_CNF_SENSE_MASK) >>> PIN_CNF_SENSE_SHIFT;
        boolean level = wires[n].level();
        return (senseField == SENSE_HIGH && level) || (senseField == SENSE_LOW && !level);
    }

    /**
     * Recomputes DETECT. {@code latchCleared}: software just cleared LATCH bits; in LDETECT mode a LATCH still
     * not 0 then makes a new rising edge.
     */
    private void updateDetect(boolean latchCleared) {
        boolean next;
        if (detectMode.isSet()) {
            next = latch != 0;
        } else {
            next = false;
            for (int n = 0; n < pinCount && !next; n++) {
                next = senseMatches(n);
            }
        }
        if (next && detect && latchCleared && detectMode.isSet()) {
            setDetect(false);
        }
        setDetect(next);
    }

    private void setDetect(boolean level) {
        if (level == detect) {
            return;
        }
        detect = level;
        for (DetectListener l : detectListeners) {
            l.detectChanged(this, level);
        }
    }

    private void applyAll() {
        for (int n = 0; n < pinCount; n++) {
            apply(n);
        }
    }

    /** Sets pin {@code n}'s pull and output driver on its wire from PIN_CNF, DIR and OUT (or GPIOTE's task). */
    private void apply(int n) {
        PinWire wire = wires[n];
        int pull = (pinCnf[n] & PIN_CNF_PULL_MASK) >>> PIN_CNF_PULL_SHIFT;
        wire.setChipPull(pull == PULL_PULLUP ? Pull.UP : pull == PULL_PULLDOWN ? Pull.DOWN : Pull.NONE);
        if (taskOutput[n] != null) {
            wire.driveFromChip(taskOutput[n]);
            return;
        }
        if ((dir & (1 << n)) == 0) {
            wire.releaseFromChip();
            return;
        }
        boolean high = (out & (1 << n)) != 0;
        int drive = (pinCnf[n] & PIN_CNF_DRIVE_MASK) >>> PIN_CNF_DRIVE_SHIFT;
        boolean releaseLow = drive == DRIVE_D0S1 || drive == DRIVE_D0H1;
        boolean releaseHigh = drive == DRIVE_S0D1 || drive == DRIVE_H0D1;
        if ((high && releaseHigh) || (!high && releaseLow)) {
            wire.releaseFromChip();
        } else {
            wire.driveFromChip(high);
        }
    }

    private void sense(int n) {
        if (senseMatches(n)) {
            latch |= 1 << n;
        }
    }

    /** Back to the reset state: every pin an input with its buffer disconnected. */
    public void reset() {
        bank.reset();
        out = 0;
        dir = 0;
        latch = 0;
        for (int n = 0; n < pinCount; n++) {
            pinCnf[n] = PIN_CNF_RESET;
            taskOutput[n] = null;
        }
        applyAll();
        for (int n = 0; n < pinCount; n++) {
            levelChanged(n);
        }
    }
}
