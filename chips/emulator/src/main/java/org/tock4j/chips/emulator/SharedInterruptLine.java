package org.tock4j.chips.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One interrupt request line that several peripheral models drive, asserted while any of them asserts it (a
 * wired OR): on the nRF52 the peripherals that share an ID (SPIM0 and TWIM0, say) share one NVIC line.
 *
 * <pre>{@code
 * SharedInterruptLine line = new SharedInterruptLine(core.interruptLine(3));
 * InterruptLine spim = line.source();
 * InterruptLine twim = line.source();
 * twim.raise();      // line 3 asserted
 * spim.lower();      // still asserted: TWIM holds it
 * }</pre>
 *
 * <p>Tock counterpart: none (hardware wiring).
 */
public final class SharedInterruptLine {
    private final InterruptLine target;
    private final List<Boolean> levels = new ArrayList<>();
    private boolean asserted;

    public SharedInterruptLine(InterruptLine target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** A new source driving this line, initially not asserting it. */
    public InterruptLine source() {
        int index = levels.size();
        levels.add(false);
        return level -> {
            levels.set(index, level);
            update();
        };
    }

    /** Whether any source asserts the line. */
    public boolean isAsserted() {
        return asserted;
    }

    private void update() {
        asserted = levels.contains(true);
        target.setLevel(asserted);
    }
}
