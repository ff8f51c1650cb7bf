/**
 * What an application sees: the {@code App} SPI, raw TRD104 system calls, its own address space, and the
 * libtock-style drivers above them.
 *
 * <pre>
 *   org.tock4j.userland           App, Syscalls, Registers, Upcall, Memory   (the ABI)
 *   org.tock4j.userland.libtock   Libtock, Heap, Memop, Yield, Console, Alarm, Leds, Buttons, Gpio, Rng,
 *                                 Temperature, LowLevelDebug, TockException
 * </pre>
 *
 * <p>It depends on nothing: the kernel implements {@code Syscalls}; apps provide {@code App}.
 */
module org.tock4j.userland {
    exports org.tock4j.userland;
    exports org.tock4j.userland.libtock;
}
