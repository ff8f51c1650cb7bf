package org.example.capsules.beeper;

import java.util.List;

import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.VirtualMuxAlarm;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.hil.gpio.Pin;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "beeper"} capsule: the buzzer's {@link Pin}, its own {@link VirtualMuxAlarm} on the board's
 * {@link MuxAlarm}, and a grant with one upcall and no allows. In a board file:
 *
 * <pre>
 *   - {component: beeper, driver: 0x90010, pin: P1.10, alarm: RTC1}
 * </pre>
 *
 * <p>({@code pin} names the {@link #PIN} dependency, {@code alarm} the {@link #ALARM_MUX}; both default as
 * the board file section of the README says.)
 *
 * <p>Tock counterpart: a component in {@code boards/components}, such as {@code components::buzzer_driver}.
 */
public final class BeeperComponent implements CapsuleComponent {
    /** The pin the buzzer is wired to. */
    static final HilDependency<Pin> PIN = HilDependency.of(Pin.class);
    /** The board's alarm mux; the beeper takes one virtual alarm from it. */
    static final HilDependency<MuxAlarm> ALARM_MUX = HilDependency.of(MuxAlarm.class);

    @Override
    public String name() {
        return "beeper";
    }

    @Override
    public int defaultDriverNumber() {
        return Beeper.DRIVER_NUM;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of(PIN, ALARM_MUX);
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        VirtualMuxAlarm virtualAlarm = new VirtualMuxAlarm(context.hil(ALARM_MUX));
        virtualAlarm.setup();
        Beeper beeper = new Beeper(context.hil(PIN), virtualAlarm,
                context.createGrant(Beeper.GRANT_TYPE, Beeper.UPCALLS, Beeper.ALLOW_RO, Beeper.ALLOW_RW));
        virtualAlarm.setAlarmClient(beeper);
        return beeper;
    }
}
