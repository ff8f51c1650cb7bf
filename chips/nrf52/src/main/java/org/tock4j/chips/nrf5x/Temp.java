package org.tock4j.chips.nrf5x;

import static org.tock4j.chips.nrf52.hardware.TempModel.*;

import java.util.Objects;

import org.tock4j.chips.emulator.mmio.MmioRegisters;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.sensors.TemperatureClient;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The temperature HIL on the nRF5x TEMP sensor: START, then the DATARDY interrupt reads TEMP (0.25 °C steps)
 * and hands the client hundredths of a degree.
 *
 * <pre>{@code
 * Temp temp = chip.temp();
 * temp.setClient(value -> ...);     // Ok(2150) for 21.5 °C
 * temp.readTemperature();
 * }</pre>
 *
 * <p>As in Tock, a reading requested while one is in progress is not refused (the measurement in progress
 * answers both requests with one callback).
 *
 * <p>Tock counterpart: {@code nrf5x::temperature::Temp}.
 */
public final class Temp implements TemperatureDriver {
    private final MmioRegisters regs;
    private TemperatureClient client;

    /** TEMP at {@code base} (0x4000C000). */
    public Temp(PhysicalMemory bus, int base) {
        this.regs = new MmioRegisters(Objects.requireNonNull(bus, "bus"), base);
    }

    /** The TEMP interrupt: converts TEMP to hundredths of a degree, stops the sensor, tells the client. */
    public void handleInterrupt() {
        disableInterrupts();
        int temp = regs.read(TEMP) * 100 / 4;
        regs.write(TASKS_STOP, 1);
        disableInterrupts();
        if (client != null) {
            client.callback(Result.ok(temp));
        }
    }

    private void enableInterrupts() {
        regs.write(INTENSET, INT_DATARDY);
    }

    private void disableInterrupts() {
        regs.write(INTENCLR, INT_DATARDY);
    }

    @Override
    public void setClient(TemperatureClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result<Void, ErrorCode> readTemperature() {
        enableInterrupts();
        regs.write(EVENTS_DATARDY, 0);
        regs.write(TASKS_START, 1);
        return Result.ok();
    }
}
