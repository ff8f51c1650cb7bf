package org.tock4j.capsules.core.si7021;

import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.VirtualMuxAlarm;
import org.tock4j.kernel.hil.i2c.I2cMaster;

/**
 * Builds an {@link Si7021} driver on an I2C controller with its own virtual alarm (for the conversion wait)
 * and makes it the client of both.
 *
 * <p>Tock counterpart: {@code components::si7021::SI7021Component}.
 */
public final class Si7021Component {

    private Si7021Component() {}

    public static Si7021 finalize(I2cMaster i2c, MuxAlarm muxAlarm, int address) {
        VirtualMuxAlarm alarm = new VirtualMuxAlarm(muxAlarm);
        alarm.setup();
        Si7021 si7021 = new Si7021(i2c, address, alarm, new byte[Si7021.BUFFER_LEN]);
        i2c.setMasterClient(si7021);
        alarm.setAlarmClient(si7021);
        return si7021;
    }
}
