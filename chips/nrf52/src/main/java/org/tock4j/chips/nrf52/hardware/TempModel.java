package org.tock4j.chips.nrf52.hardware;

import java.util.Objects;

import org.tock4j.chips.emulator.InterruptLine;
import org.tock4j.chips.emulator.ScheduledEvent;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.chips.emulator.mmio.Register;
import org.tock4j.chips.emulator.mmio.RegisterBank;
import org.tock4j.chips.emulator.world.SensorValue;

/**
 * TEMP, the nRF52's die temperature sensor (product specification 6.28), as silicon.
 *
 * <ul>
 *   <li>START begins a measurement; {@value #CONVERSION_TIME_NS} ns later (the typical measurement time) TEMP
 *       holds the die temperature in 0.25 °C steps, two's complement, rounded to the nearest step, and
 *       DATARDY is raised. STOP abandons a measurement in progress; START during one changes nothing.</li>
 *   <li>The temperature comes from the world's {@link SensorValue} (°C), sampled when the measurement
 *       ends.</li>
 *   <li>The interrupt line is high while DATARDY is set and enabled in INTEN.</li>
 * </ul>
 *
 * <p>Simplification: the sensor is exact (the datasheet allows ±5 °C); the linearisation registers A0–A5,
 * B0–B5 and T0–T4 are declared but not modelled.
 */
public final class TempModel {
    public static final int TASKS_START = 0x000;
    public static final int TASKS_STOP = 0x004;
    public static final int EVENTS_DATARDY = 0x100;
    public static final int INTENSET = 0x304;
    public static final int INTENCLR = 0x308;
    public static final int TEMP = 0x508;
    public static final int A0 = 0x520;
    public static final int B0 = 0x540;
    public static final int T0 = 0x560;

    public static final int INT_DATARDY = 1;
    /** Time of one measurement (typical). */
    public static final long CONVERSION_TIME_NS = 36_000;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final SensorValue temperature;
    private final RegisterBank bank;
    private final Register eventsDatardy;
    private final Register inten;
    private final Register temp;
    private ScheduledEvent measurement;

    /** @param temperature the die temperature in °C */
    public TempModel(int baseAddress, VirtualClock clock, InterruptLine irq, SensorValue temperature) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.temperature = Objects.requireNonNull(temperature, "temperature");
        bank = new RegisterBank("TEMP", baseAddress);
        bank.task("TASKS_START", TASKS_START, this::start);
        bank.task("TASKS_STOP", TASKS_STOP, this::stop);
        eventsDatardy = bank.event("EVENTS_DATARDY", EVENTS_DATARDY, this::updateInterrupt);
        inten = bank.internal("INTEN", 0);
        bank.writeOneToSet("INTENSET", INTENSET, inten, () -> {
            inten.set(inten.value() & INT_DATARDY);
            updateInterrupt();
        });
        bank.writeOneToClear("INTENCLR", INTENCLR, inten, this::updateInterrupt);
        temp = bank.constant("TEMP", TEMP, 0);
        for (int n = 0; n < 6; n++) {
            bank.unmodelled("A" + n, A0 + 4 * n, 0);
            bank.unmodelled("B" + n, B0 + 4 * n, 0);
        }
        for (int n = 0; n < 5; n++) {
            bank.unmodelled("T" + n, T0 + 4 * n, 0);
        }
    }

    public RegisterBank registers() {
        return bank;
    }

    public boolean isMeasuring() {
        return measurement != null;
    }

    /** The TEMP register value for {@code celsius}: quarter degrees, rounded to the nearest. */
    public static int quarterDegrees(double celsius) {
        return (int) Math.round(celsius * 4);
    }

    private void start() {
        if (measurement != null) {
            return;
        }
        measurement = clock.scheduleAfter(CONVERSION_TIME_NS, () -> {
            measurement = null;
            temp.set(quarterDegrees(temperature.value()));
            eventsDatardy.set(1);
            updateInterrupt();
        });
    }

    private void stop() {
        if (measurement != null) {
            measurement.cancel();
            measurement = null;
        }
    }

    private void updateInterrupt() {
        irq.setLevel(eventsDatardy.isSet() && inten.isSet(INT_DATARDY));
    }

    /** Back to the reset state. */
    public void reset() {
        stop();
        bank.reset();
        updateInterrupt();
    }
}
