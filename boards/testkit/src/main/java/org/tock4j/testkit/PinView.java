package org.tock4j.testkit;

import java.time.Duration;
import java.util.List;

import org.tock4j.chips.emulator.world.PinWire;

/**
 * A pin of the board under test, as the outside world touches it: its level and edges, and a finger to press
 * it (drive it low) and release it.
 */
public final class PinView {
    private final PinWire wire;
    private final TestBoard board;

    PinView(PinWire wire, TestBoard board) {
        this.wire = wire;
        this.board = board;
    }

    public String name() {
        return wire.name();
    }

    /** The level now: true is high. */
    public boolean level() {
        return wire.level();
    }

    /** Every level change with its virtual time. */
    public List<PinWire.Edge> edges() {
        return wire.edges();
    }

    /** Pulls the pin low, as a button to ground does. */
    public PinView press() {
        wire.press();
        return this;
    }

    /** Lets go: the pin returns to whatever pulls it. */
    public PinView release() {
        wire.release();
        return this;
    }

    /** Presses, runs the board for {@code duration}, and releases. */
    public PinView hold(Duration duration) {
        press();
        board.runFor(duration);
        return release();
    }

    /** Drives the pin to {@code high} from outside. */
    public PinView drive(boolean high) {
        wire.drive(high);
        return this;
    }
}
