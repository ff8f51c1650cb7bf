package org.tock4j.apps;

import org.tock4j.userland.App;
import org.tock4j.userland.Memory;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Ipc;
import org.tock4j.userland.libtock.Libtock;

/**
 * An IPC service named {@value #PACKAGE_NAME}: when a client notifies it, it applies ROT13 to the text in the
 * buffer the client shared (a length byte, then up to 31 characters) in place, and notifies the client back.
 *
 * <p>libtock-c counterpart: {@code examples/rot13_service}.
 */
public final class Rot13Service implements App {

    public static final String PACKAGE_NAME = "org.tockos.examples.rot13";

    @Override
    public String name() {
        return PACKAGE_NAME;
    }

    @Override
    public void main(Syscalls sys) {
        Ipc ipc = new Libtock(sys).ipc();
        Memory memory = sys.memory();
        ipc.registerService(PACKAGE_NAME, (client, length, buffer, unused) -> {
            int textLength = Math.min(memory.read8(buffer), length - 1);
            for (int i = 0; i < textLength; i++) {
                int at = buffer + 1 + i;
                memory.write8(at, rot13(memory.read8(at)));
            }
            ipc.notifyClient(client);
        });
    }

    static byte rot13(byte c) {
        if (c >= 'a' && c <= 'z') {
            return (byte) ((c - 'a' + 13) % 26 + 'a');
        } else if (c >= 'A' && c <= 'Z') {
            return (byte) ((c - 'A' + 13) % 26 + 'A');
        }
        return c;
    }
}
