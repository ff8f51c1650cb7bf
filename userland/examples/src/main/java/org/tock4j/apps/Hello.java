package org.tock4j.apps;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Libtock;

/**
 * Prints {@code "Hello World!\r\n"} on the console once, then returns, leaving the process yielding.
 *
 * <p>libtock-c counterpart: {@code examples/c_hello} (which writes asynchronously and yields once; this writes
 * synchronously, which waits for the same write-done upcall).
 */
public final class Hello implements App {

    /** What the app prints. */
    public static final String GREETING = "Hello World!\r\n";

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public void main(Syscalls sys) {
        new Libtock(sys).console().write(GREETING);
    }
}
