package org.tock4j.chips.sam4l.world;

import java.util.Objects;

/**
 * A voltage the outside world applies to an analog pin (a sensor, a potentiometer, a test), in millivolts.
 * The ADC samples whatever the value is at the virtual time its conversion ends.
 *
 * <pre>{@code
 * AnalogInput ad1 = chip.analogInput(1);    // pin AD1
 * ad1.setMillivolts(1650);                  // half of the 3.3 V supply
 * }</pre>
 *
 * <p>Tock counterpart: none; the voltage on the pad.
 */
public final class AnalogInput {
    private final String name;
    private int millivolts;

    public AnalogInput(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public int millivolts() {
        return millivolts;
    }

    /** Applies {@code mv} millivolts (negative values read as 0 V by a unipolar ADC). */
    public void setMillivolts(int mv) {
        this.millivolts = mv;
    }

    @Override
    public String toString() {
        return name + "=" + millivolts + "mV";
    }
}
