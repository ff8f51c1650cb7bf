package org.tock4j.apps;

import java.nio.charset.StandardCharsets;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Ipc;
import org.tock4j.userland.libtock.Libtock;
import org.tock4j.userland.libtock.TockException;

/**
 * A client of the {@link Rot13Service}: shares a 64-byte buffer holding {@code "Hello World!"} with the
 * service, notifies it, and each time the service answers prints {@code "12: Uryyb Jbeyq!\n"} (then
 * {@code "12: Hello World!\n"}, and so on), waits 500 ms and notifies it again. Without the service it prints
 * {@code "No rot13 service\n"} and exits.
 *
 * <p>libtock-c counterpart: {@code examples/rot13_client}.
 */
public final class Rot13Client implements App {

    /** The shared buffer: a power of two, aligned to its size, as the MPU needs. */
    private static final int BUFFER_BYTES = 64;

    @Override
    public String name() {
        return "rot13_client";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        Ipc ipc = tock.ipc();
        int service;
        try {
            service = ipc.discover(Rot13Service.PACKAGE_NAME);
        } catch (TockException e) {
            tock.console().write("No rot13 service\n");
            sys.exit(0, 1);
            return;
        }
        int buffer = tock.heap().allocate(BUFFER_BYTES, BUFFER_BYTES);
        byte[] text = "Hello World!".getBytes(StandardCharsets.US_ASCII);
        sys.memory().write8(buffer, (byte) text.length);
        sys.memory().write(buffer + 1, text, 0, text.length);

        boolean[] answered = {false};
        ipc.onNotifyFrom(service, (svc, length, address, unused) -> answered[0] = true);
        ipc.share(service, buffer, BUFFER_BYTES);
        ipc.notifyService(service);
        while (true) {
            tock.yields().yieldFor(() -> answered[0]);
            answered[0] = false;
            int length = sys.memory().read8(buffer);
            byte[] answer = new byte[length];
            sys.memory().read(buffer + 1, answer, 0, length);
            tock.console().write(length + ": " + new String(answer, StandardCharsets.US_ASCII) + "\n");
            tock.alarm().delayMs(500);
            ipc.notifyService(service);
        }
    }
}
