package org.tock4j.userland.libtock;

import java.util.Objects;
import org.tock4j.userland.Syscalls;

/**
 * One process's libtock: its {@link Heap} and one instance of each driver, made on first use and shared, as
 * libtock-c's globals are shared within an app.
 *
 * <pre>{@code
 * public void main(Syscalls sys) {
 *     Libtock tock = new Libtock(sys);
 *     tock.console().write("Hello World!\r\n");
 *     tock.leds().on(0);
 *     tock.alarm().delayMs(250);
 * }
 * }</pre>
 *
 * <p>Make one per {@code App.main} and pass it around: drivers that put buffers in app memory must share the one
 * heap. Nothing here makes a system call until a driver does.
 *
 * <p>Counterpart: none as such; it holds what libtock-c keeps in C globals (the malloc heap, each driver's
 * state) and what libtock-rs gets from its {@code Syscalls} type parameter.
 */
public final class Libtock {

    private final Syscalls sys;
    private Heap heap;
    private Yield yields;
    private Console console;
    private Alarm alarm;
    private Leds leds;
    private Buttons buttons;
    private Gpio gpio;
    private Rng rng;
    private Temperature temperature;
    private LowLevelDebug lowLevelDebug;
    private Ipc ipc;

    public Libtock(Syscalls sys) {
        this.sys = Objects.requireNonNull(sys, "sys");
    }

    /** The raw system calls. */
    public Syscalls syscalls() {
        return sys;
    }

    /** The process's heap. */
    public Heap heap() {
        if (heap == null) {
            heap = new Heap(sys);
        }
        return heap;
    }

    /** Yield-Wait, Yield-NoWait, Yield-WaitFor and {@code yieldFor}. */
    public Yield yields() {
        if (yields == null) {
            yields = new Yield(sys, heap());
        }
        return yields;
    }

    /** The console, driver 1. */
    public Console console() {
        if (console == null) {
            console = new Console(sys, heap());
        }
        return console;
    }

    /** The alarm, driver 0. */
    public Alarm alarm() {
        if (alarm == null) {
            alarm = new Alarm(sys);
        }
        return alarm;
    }

    /** The LEDs, driver 2. */
    public Leds leds() {
        if (leds == null) {
            leds = new Leds(sys);
        }
        return leds;
    }

    /** The buttons, driver 3. */
    public Buttons buttons() {
        if (buttons == null) {
            buttons = new Buttons(sys);
        }
        return buttons;
    }

    /** The general-purpose pins, driver 4. */
    public Gpio gpio() {
        if (gpio == null) {
            gpio = new Gpio(sys);
        }
        return gpio;
    }

    /** The random number generator, driver 0x40001. */
    public Rng rng() {
        if (rng == null) {
            rng = new Rng(sys, heap());
        }
        return rng;
    }

    /** The temperature sensor, driver 0x60000. */
    public Temperature temperature() {
        if (temperature == null) {
            temperature = new Temperature(sys);
        }
        return temperature;
    }

    /** Low-level debug output, driver 8. */
    public LowLevelDebug lowLevelDebug() {
        if (lowLevelDebug == null) {
            lowLevelDebug = new LowLevelDebug(sys);
        }
        return lowLevelDebug;
    }

    /** Inter-process communication, driver 0x10000. */
    public Ipc ipc() {
        if (ipc == null) {
            ipc = new Ipc(sys, heap());
        }
        return ipc;
    }
}
