package org.tock4j.chips.emulator.world;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tock4j.chips.emulator.VirtualClock;

/**
 * A chip pin seen as a wire: its level, who sets it, and every edge with its virtual time.
 *
 * <p>The level is resolved from, strongest first:
 * <ol>
 *   <li>the outside world driving it ({@link #drive(boolean)}, {@link #press()} for a button to ground);</li>
 *   <li>the chip driving it as an output ({@link #driveFromChip(boolean)});</li>
 *   <li>the chip's pull resistor ({@link #setChipPull(Pull)}), then a board's external resistor
 *       ({@link #setExternalPull(Pull)});</li>
 *   <li>otherwise the wire floats and reads low.</li>
 * </ol>
 * If the world and the chip drive opposite levels the world wins and a warning is logged (a short circuit
 * on real hardware).
 *
 * <pre>{@code
 * PinWire led = chip.pin(0, 13);
 * led.level();                  // true: LED off (active low)
 * led.edges();                  // [Edge[timeNs=120000, level=false], ...]
 * PinWire button = chip.pin(0, 11);
 * button.press();               // drives it low, like a button to ground
 * button.release();
 * }</pre>
 *
 * <p>Listeners run on every level change, on the board's thread (the chip's input and SENSE logic listen).
 *
 * <p>Tock counterpart: none; the physical pin.
 */
public final class PinWire {
    private static final Logger LOG = System.getLogger(PinWire.class.getName());

    /** A level change at a virtual time. */
    public record Edge(long timeNs, boolean level) {}

    /** Who sets a wire's level. */
    public enum Source {
        WORLD,
        CHIP,
        CHIP_PULL,
        EXTERNAL_PULL,
        FLOATING
    }

    /** Told of each level change. */
    @FunctionalInterface
    public interface Listener {
        void levelChanged(PinWire wire, Edge edge);
    }

    private final String name;
    private final VirtualClock clock;
    private final List<Edge> edges = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean worldDriving;
    private boolean worldLevel;
    private boolean chipDriving;
    private boolean chipLevel;
    private Pull chipPull = Pull.NONE;
    private Pull externalPull = Pull.NONE;
    private boolean level;
    private boolean shortWarned;

    public PinWire(String name, VirtualClock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.level = resolve();
    }

    /** The pin's name, e.g. {@code P0.13}. */
    public String name() {
        return name;
    }

    /** The current level: true is high. */
    public boolean level() {
        return level;
    }

    /** Who sets the level now. */
    public Source source() {
        if (worldDriving) {
            return Source.WORLD;
        }
        if (chipDriving) {
            return Source.CHIP;
        }
        if (chipPull != Pull.NONE) {
            return Source.CHIP_PULL;
        }
        return externalPull != Pull.NONE ? Source.EXTERNAL_PULL : Source.FLOATING;
    }

    public boolean isFloating() {
        return source() == Source.FLOATING;
    }

    /** Every level change so far, oldest first. */
    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    /** Forgets recorded edges (listeners stay). */
    public void clearEdges() {
        edges.clear();
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    // ---- the outside world ----

    /** The outside world drives the wire to {@code high}. */
    public void drive(boolean high) {
        worldDriving = true;
        worldLevel = high;
        update();
    }

    /** A button to ground is pressed: the world drives the wire low. */
    public void press() {
        drive(false);
    }

    /** The outside world lets go of the wire. */
    public void release() {
        worldDriving = false;
        update();
    }

    /** A resistor on the board (not in the chip). */
    public void setExternalPull(Pull pull) {
        externalPull = Objects.requireNonNull(pull, "pull");
        update();
    }

    // ---- the chip ----

    /** The chip's output driver sets the wire to {@code high}. */
    public void driveFromChip(boolean high) {
        chipDriving = true;
        chipLevel = high;
        update();
    }

    /** The chip's output driver lets go (the pin is an input, or an open-drain output is off). */
    public void releaseFromChip() {
        chipDriving = false;
        update();
    }

    public void setChipPull(Pull pull) {
        chipPull = Objects.requireNonNull(pull, "pull");
        update();
    }

    public boolean isDrivenByChip() {
        return chipDriving;
    }

    private boolean resolve() {
        if (worldDriving) {
            return worldLevel;
        }
        if (chipDriving) {
            return chipLevel;
        }
        Pull pull = chipPull != Pull.NONE ? chipPull : externalPull;
        return pull == Pull.UP;
    }

    private void update() {
        if (worldDriving && chipDriving && worldLevel != chipLevel && !shortWarned) {
            shortWarned = true;
            LOG.log(Level.WARNING, "{0}: the chip drives {1} while the outside world drives {2}; the world wins",
                    name, chipLevel ? "high" : "low", worldLevel ? "high" : "low");
        }
        boolean next = resolve();
        if (next != level) {
            level = next;
            Edge edge = new Edge(clock.now(), next);
            edges.add(edge);
            for (Listener l : listeners) {
                l.levelChanged(this, edge);
            }
        }
    }

    @Override
    public String toString() {
        return name + "=" + (level ? "high" : "low") + " (" + source() + ")";
    }
}
