package org.tock4j.chips.cortexm.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;

/**
 * An external interrupt request line on its way into the NVIC, where fault injection can lose an assertion:
 * armed with {@link #dropNextAssertion()}, the line's next rising edge does not reach the NVIC, and neither does
 * anything else until the peripheral lowers the line (a lost level-sensitive request). Unarmed, it passes every
 * level through.
 *
 * <pre>{@code
 * InterruptGate gate = new InterruptGate(nvic.line(17));
 * gate.dropNextAssertion();
 * gate.raise();      // lost: the NVIC's line 17 stays low
 * gate.lower();
 * gate.raise();      // reaches the NVIC
 * }</pre>
 */
public final class InterruptGate implements InterruptLine {
    private final InterruptLine nvicInput;
    private boolean level;
    private boolean dropNext;
    private boolean suppressing;
    private int dropped;

    public InterruptGate(InterruptLine nvicInput) {
        this.nvicInput = Objects.requireNonNull(nvicInput, "nvicInput");
    }

    @Override
    public void setLevel(boolean asserted) {
        boolean rising = asserted && !level;
        level = asserted;
        if (rising && dropNext) {
            dropNext = false;
            suppressing = true;
            dropped++;
            return;
        }
        if (suppressing) {
            if (asserted) {
                return;
            }
            suppressing = false;
        }
        nvicInput.setLevel(asserted);
    }

    /** The next rising edge of the line is lost, and the request with it until the line goes low again. */
    public void dropNextAssertion() {
        dropNext = true;
    }

    /** Whether an assertion is about to be lost or is being suppressed now. */
    public boolean isDropping() {
        return dropNext || suppressing;
    }

    /** How many assertions were lost so far. */
    public int dropped() {
        return dropped;
    }

    /** The level the peripheral drives (which the NVIC does not see while an assertion is suppressed). */
    public boolean level() {
        return level;
    }
}
