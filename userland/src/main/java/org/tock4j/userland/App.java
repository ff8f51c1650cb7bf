package org.tock4j.userland;

/**
 * An application: a program that reaches the kernel only through {@link Syscalls}.
 *
 * <pre>{@code
 * public final class Hello implements App {
 *     public String name() { return "hello"; }
 *     public void main(Syscalls sys) {
 *         new Libtock(sys).console().write("Hello World!\r\n");   // org.tock4j.userland.libtock
 *     }
 * }
 * // module-info.java:  provides org.tock4j.userland.App with org.example.Hello;
 * }</pre>
 *
 * <p>As in libtock-c, returning from {@code main} leaves the process yielding forever so its callbacks keep
 * running; only {@code exit} ends it. An uncaught exception faults the process. Each start or restart of a
 * process gets a new instance.
 */
public interface App {

    /** The package name in the app's TBF header; also the name the board and the CLI use. */
    String name();

    /** The TBF minimum RAM size: app memory the kernel must give the process (stack, data, heap). */
    default int minimumRamBytes() {
        return 4096;
    }

    /** The program. */
    void main(Syscalls sys) throws Exception;
}
