package org.tock4j.benchmarks.apps;

import java.nio.charset.StandardCharsets;

import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Heap;
import org.tock4j.userland.libtock.Yield;

/**
 * The client of an IPC ping-pong: each operation notifies the {@link IpcPong} service and yield-waits until the
 * service has notified it back. Under round robin that is two context switches between processes, each
 * through the kernel: ping yields, pong runs its callback and yields, ping runs its callback.
 *
 * <p>libtock-c counterpart: {@code ipc_discover}, {@code ipc_register_client_callback}, {@code ipc_notify_service}.
 */
public final class IpcPing extends BatchedApp {
    private static final int DISCOVER = 1;
    private static final int NOTIFY_SERVICE = 2;

    private int service;
    private boolean answered;

    public IpcPing(String name, BatchCounter counter) {
        super(name, counter);
    }

    @Override
    protected void setUp(Syscalls sys) {
        service = discover(sys, IpcPong.NAME);
        int onAnswer = sys.upcallAddress((from, length, address, appData) -> answered = true);
        sys.subscribe(DriverNumber.IPC, service, onAnswer, 0);
    }

    @Override
    protected void operation(Syscalls sys) {
        answered = false;
        sys.command(DriverNumber.IPC, NOTIFY_SERVICE, service, 0);
        while (!answered) {
            sys.yield(Yield.WAIT, 0, 0);
        }
    }

    /** The process index of the service named {@code name} (IPC command 1 over read-only allow 0). */
    static int discover(Syscalls sys, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        int address = new Heap(sys).allocate(bytes.length);
        sys.memory().write(address, bytes, 0, bytes.length);
        sys.allowReadOnly(DriverNumber.IPC, 0, address, bytes.length);
        Registers found = sys.command(DriverNumber.IPC, DISCOVER, 0, 0);
        sys.allowReadOnly(DriverNumber.IPC, 0, 0, 0);
        if (found.r0() != Registers.SUCCESS_U32) {
            throw new IllegalStateException("IPC discovery of " + name + " failed: " + found);
        }
        return found.r1();
    }
}
