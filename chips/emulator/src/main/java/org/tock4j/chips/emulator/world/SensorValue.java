package org.tock4j.chips.emulator.world;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tock4j.chips.emulator.VirtualClock;

/**
 * A physical quantity of the outside world that a sensor measures (a temperature, a light level), settable by
 * tests and the CLI; the chip's sensor model samples it when a conversion ends.
 *
 * <pre>{@code
 * SensorValue temperature = chip.temperature();   // °C at the die
 * temperature.set(21.5);
 * temperature.setFromHost(30.0);                   // from another thread: applied at the next advance
 * }</pre>
 *
 * <p>Listeners run on every change, on the board's thread.
 *
 * <p>Tock counterpart: none; the physical world.
 */
public final class SensorValue {

    /** Told of each change. */
    @FunctionalInterface
    public interface Listener {
        void changed(SensorValue sensor, double value);
    }

    private final String name;
    private final String unit;
    private final VirtualClock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private double value;

    /**
     * @param name what is measured, e.g. {@code die temperature}
     * @param unit its unit, e.g. {@code °C}
     * @param initial the value until someone sets another
     */
    public SensorValue(String name, String unit, double initial, VirtualClock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.value = requireFinite(initial);
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    /** The current value, in {@link #unit()}. */
    public double value() {
        return value;
    }

    /** Sets the quantity; call on the board's thread. */
    public void set(double newValue) {
        requireFinite(newValue);
        if (Double.compare(newValue, value) == 0) {
            return;
        }
        value = newValue;
        for (Listener l : listeners) {
            l.changed(this, newValue);
        }
    }

    /** {@link #set(double)} from any thread: takes effect at the board's current virtual time. */
    public void setFromHost(double newValue) {
        requireFinite(newValue);
        clock.postFromHost(() -> set(newValue));
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private double requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": a physical value must be finite, not " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return name + "=" + value + " " + unit;
    }
}
