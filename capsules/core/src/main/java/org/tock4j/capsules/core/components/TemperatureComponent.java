package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.temperature.TemperatureSensor;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.sensors.TemperatureDriver;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "temperature"} capsule on the board's {@link TemperatureDriver}: a grant with one upcall
 * and no allows, the capsule set as the sensor's client.
 *
 * <p>Tock counterpart: {@code components::temperature::TemperatureComponent}.
 */
public final class TemperatureComponent implements CapsuleComponent {
    static final HilDependency<TemperatureDriver> SENSOR = HilDependency.of(TemperatureDriver.class);

    @Override
    public String name() {
        return "temperature";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.TEMPERATURE;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(SENSOR);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        TemperatureDriver sensor = context.hil(SENSOR);
        TemperatureSensor temperature = new TemperatureSensor(sensor, context.createGrant(
                TemperatureSensor.GRANT_TYPE, TemperatureSensor.UPCALLS, TemperatureSensor.ALLOW_RO,
                TemperatureSensor.ALLOW_RW));
        sensor.setClient(temperature);
        return temperature;
    }
}
