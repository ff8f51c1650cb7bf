package org.tock4j.userland.libtock;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.tock4j.userland.Syscalls;
import org.tock4j.userland.Upcall;

/**
 * Inter-process communication, driver {@code 0x10000} (Tock's {@code kernel/src/ipc.rs}): a service is found by
 * its package name, a client shares a buffer with it, and each side notifies the other.
 *
 * <pre>
 *   client                                          service "org.tockos.examples.rot13"
 *   svc = discover("org.tockos.examples.rot13")     registerService(name, (client, len, buf) -> ...)
 *   onNotifyFrom(svc, (svc, len, buf) -> ...)          reads and writes the client's buffer at buf
 *   share(svc, buffer, 64)                              notifyClient(client)
 *   notifyService(svc)  ─────────────────────────►
 *                       ◄─────────────────────────
 * </pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><td>{@link #discover(String)}</td><td>allowReadOnly(0x10000, 0, name, len); command(0x10000, 1, 0, 0)
 *       → Success with u32: the service's index; then the name is allowed back</td></tr>
 *   <tr><td>{@link #registerService(String, Upcall)}</td><td>discover own name; subscribe(0x10000, own index,
 *       upcall, 0)</td></tr>
 *   <tr><td>{@link #onNotifyFrom(int, Upcall)}</td><td>subscribe(0x10000, service, upcall, 0)</td></tr>
 *   <tr><td>{@link #notifyService(int)}</td><td>command(0x10000, 2, service, 0)</td></tr>
 *   <tr><td>{@link #notifyClient(int)}</td><td>command(0x10000, 3, client, 0)</td></tr>
 *   <tr><td>{@link #share(int, int, int)}</td><td>allowReadWrite(0x10000, service, address, length)</td></tr>
 * </table>
 *
 * <p>Upcalls receive {@code (other process's index, shared buffer length, shared buffer address)}. The kernel
 * maps a shared buffer into the service's memory protection, so it must suit the MPU: a power-of-two length,
 * aligned to its length (allocate it with {@link Heap#allocate(int, int)}).
 *
 * <p>libtock-c counterpart: {@code libtock/kernel/ipc.h} ({@code ipc_discover},
 * {@code ipc_register_service_callback}, {@code ipc_register_client_callback}, {@code ipc_notify_service},
 * {@code ipc_notify_client}, {@code ipc_share}).
 */
public final class Ipc {

    public static final int DRIVER_NUM = 0x10000;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_DISCOVER = 1;
    public static final int COMMAND_NOTIFY_SERVICE = 2;
    public static final int COMMAND_NOTIFY_CLIENT = 3;

    /** The read-only allow holding the package name to discover. */
    public static final int ALLOW_RO_SEARCH = 0;

    private final Syscalls sys;
    private final Heap heap;

    public Ipc(Syscalls sys, Heap heap) {
        this.sys = Objects.requireNonNull(sys, "sys");
        this.heap = Objects.requireNonNull(heap, "heap");
    }

    /** Whether the board has the IPC driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** The index of the process whose package name is {@code packageName}; {@code NODEVICE} if none. */
    public int discover(String packageName) {
        byte[] name = packageName.getBytes(StandardCharsets.UTF_8);
        int buffer = heap.allocate(Math.max(1, name.length));
        try {
            sys.memory().write(buffer, name, 0, name.length);
            SyscallReturns.expectSuccessU32U32(sys.allowReadOnly(DRIVER_NUM, ALLOW_RO_SEARCH, buffer, name.length),
                    "Ipc.discover allow");
            try {
                return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_DISCOVER, 0, 0),
                        "Ipc.discover");
            } finally {
                sys.allowReadOnly(DRIVER_NUM, ALLOW_RO_SEARCH, 0, 0);
            }
        } finally {
            heap.free(buffer);
        }
    }

    /**
     * Offers this process as the service named {@code packageName} (its own package name): {@code onClient}
     * runs with {@code (client index, shared length, shared address)} each time a client notifies it.
     */
    public int registerService(String packageName, Upcall onClient) {
        int self = discover(packageName);
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, self, sys.upcallAddress(onClient), 0),
                "Ipc.registerService subscribe");
        return self;
    }

    /** {@code onService} runs with {@code (service index, shared length, shared address)} when it notifies. */
    public void onNotifyFrom(int service, Upcall onService) {
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, service, sys.upcallAddress(onService), 0),
                "Ipc.onNotifyFrom subscribe");
    }

    /** Shares {@code length} bytes at {@code address} with {@code service}. */
    public void share(int service, int address, int length) {
        SyscallReturns.expectSuccessU32U32(sys.allowReadWrite(DRIVER_NUM, service, address, length), "Ipc.share");
    }

    public void notifyService(int service) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_NOTIFY_SERVICE, service, 0),
                "Ipc.notifyService", service);
    }

    public void notifyClient(int client) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_NOTIFY_CLIENT, client, 0),
                "Ipc.notifyClient", client);
    }
}
