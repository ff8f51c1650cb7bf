package org.example.apps.beep;

import org.tock4j.userland.App;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Libtock;

/**
 * Beeps for 100, 200 and 300 ms through the beeper capsule (driver {@code 0x90010}), 200 ms apart, printing each
 * beep as the capsule reports it done; then exits with the last beep's duration (300) as its completion code.
 */
public final class Beep implements App {
    /** The beeper's driver number, its "beep" command and its "done" upcall (see the capsule's Javadoc). */
    static final int BEEPER = 0x90010;
    static final int COMMAND_EXISTS = 0;
    static final int COMMAND_BEEP = 1;
    static final int UPCALL_DONE = 0;

    @Override
    public String name() {
        return "beep";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        if (sys.command(BEEPER, COMMAND_EXISTS, 0, 0).isFailure()) {
            tock.console().write("no beeper on this board\r\n");
            sys.exit(0, 1);
        }
        int lastMs = 0;
        for (int ms : new int[] {100, 200, 300}) {
            Registers started = sys.command(BEEPER, COMMAND_BEEP, ms, 0);
            if (started.isFailure()) {
                tock.console().write("beeper error " + started.errorCode() + "\r\n");
                sys.exit(0, 2);
            }
            // Yield-WaitFor: sleep until the beeper schedules its "done" upcall, and take its values.
            lastMs = tock.yields().yieldWaitFor(BEEPER, UPCALL_DONE).arg0();
            tock.console().write("beeped for " + lastMs + " ms\r\n");
            tock.alarm().delayMs(200);
        }
        sys.exit(0, lastMs);
    }
}
