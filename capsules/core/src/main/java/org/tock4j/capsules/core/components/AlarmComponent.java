package org.tock4j.capsules.core.components;

import java.util.List;

import org.tock4j.capsules.core.alarm.AlarmDriver;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.VirtualMuxAlarm;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "alarm"} capsule on the board's {@link MuxAlarm}: its own {@link VirtualMuxAlarm} and a
 * grant with one upcall and no allows, sized for the hardware counter's width.
 *
 * <p>Tock counterpart: {@code components::alarm::AlarmDriverComponent}.
 */
public final class AlarmComponent implements CapsuleComponent {
    static final HilDependency<MuxAlarm> ALARM_MUX = HilDependency.of(MuxAlarm.class);

    @Override
    public String name() {
        return "alarm";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.ALARM;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(ALARM_MUX);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        VirtualMuxAlarm virtualAlarm = new VirtualMuxAlarm(context.hil(ALARM_MUX));
        virtualAlarm.setup();
        AlarmDriver driver = new AlarmDriver(virtualAlarm, context.createGrant(
                AlarmDriver.grantType(virtualAlarm.now().width()),
                AlarmDriver.UPCALLS, AlarmDriver.ALLOW_RO, AlarmDriver.ALLOW_RW));
        virtualAlarm.setAlarmClient(driver);
        return driver;
    }
}
