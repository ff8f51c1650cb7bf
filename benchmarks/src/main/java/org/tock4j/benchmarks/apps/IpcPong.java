package org.tock4j.benchmarks.apps;

import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Yield;

/**
 * The service of an IPC ping-pong: whenever a client notifies it, it notifies that client back.
 *
 * <p>libtock-c counterpart: {@code ipc_register_service_callback}, {@code ipc_notify_client}.
 */
public final class IpcPong implements App {
    /** The package name clients discover. */
    public static final String NAME = "pong";
    private static final int NOTIFY_CLIENT = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void main(Syscalls sys) {
        int self = IpcPing.discover(sys, NAME);
        int onNotify = sys.upcallAddress(
                (client, length, address, appData) -> sys.command(DriverNumber.IPC, NOTIFY_CLIENT, client, 0));
        sys.subscribe(DriverNumber.IPC, self, onNotify, 0);
        while (true) {
            sys.yield(Yield.WAIT, 0, 0);
        }
    }
}
