package org.tock4j.userland.libtock;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.tock4j.userland.Syscalls;

/**
 * The general-purpose pins, driver {@code 0x4} (Tock's {@code capsules/core/src/gpio.rs}), by GPIO number.
 * Every command is synchronous; only interrupts come back as upcalls.
 *
 * <pre>{@code
 * Gpio gpio = new Gpio(sys);
 * gpio.enableOutput(0);
 * gpio.set(0);
 * gpio.enableInput(1, Gpio.Pull.UP);
 * boolean high = gpio.read(1);
 * gpio.onInterrupt((pin, level) -> ...);
 * gpio.enableInterrupt(1, Gpio.Edge.FALLING);
 * }</pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><th>method</th><th>syscall</th><th>kernel answer</th></tr>
 *   <tr><td>{@link #exists()}</td><td>command(4, 0, 0, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #enableOutput(int)}</td><td>command(4, 1, pin, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #set(int)}</td><td>command(4, 2, pin, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #clear(int)}</td><td>command(4, 3, pin, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #toggle(int)}</td><td>command(4, 4, pin, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #enableInput(int, Pull)}</td><td>command(4, 5, pin, pull)</td>
 *       <td>Success; NOSUPPORT for an unknown pull</td></tr>
 *   <tr><td>{@link #read(int)}</td><td>command(4, 6, pin, 0)</td><td>Success with u32: the level, 1 or 0</td></tr>
 *   <tr><td>{@link #enableInterrupt(int, Edge)}</td><td>command(4, 7, pin, edge)</td>
 *       <td>Success; NOSUPPORT for an unknown edge</td></tr>
 *   <tr><td>{@link #disableInterrupt(int)}</td><td>command(4, 8, pin, 0)</td>
 *       <td>Success; the pin also goes to low power</td></tr>
 *   <tr><td>{@link #disable(int)}</td><td>command(4, 9, pin, 0)</td><td>Success: the pin goes to low power</td></tr>
 *   <tr><td>{@link #count()}</td><td>command(4, 10, 0, 0)</td><td>Success with u32: the number of GPIO numbers</td></tr>
 *   <tr><td>{@link #onInterrupt(BiConsumer)}</td><td>subscribe(4, 0, upcall, 0)</td>
 *       <td>then, for each interrupt, the upcall {@code (pin, level, 0)}</td></tr>
 *   <tr><td>{@link #removeOnInterrupt()}</td><td>subscribe(4, 0, 0, 0)</td><td></td></tr>
 * </table>
 *
 * <p>Commands 1 to 9 answer {@code INVAL} for a pin not below {@link #count()} and {@code NODEVICE} for a GPIO
 * number the board leaves empty; both become a {@link TockException} naming the pin, as does {@code NODEVICE}
 * on a board without the driver. Interrupt configuration is shared between processes, and every process that
 * subscribed hears every interrupt. The upcall function is registered with {@link Syscalls#upcallAddress} once
 * per {@code Gpio}; it passes each interrupt to the listener set last.
 *
 * <p>libtock-c counterpart: {@code libtock/peripherals/gpio.h} ({@code libtock_gpio_enable_output},
 * {@code _set}, {@code _clear}, {@code _toggle}, {@code _enable_input}, {@code _read},
 * {@code _enable_interrupt}, {@code _disable_interrupt}, {@code _disable}, {@code _count},
 * {@code _set_interrupt_callback}); libtock-rs counterpart: {@code libtock_gpio::Gpio}.
 */
public final class Gpio {

    public static final int DRIVER_NUM = 0x4;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_ENABLE_OUTPUT = 1;
    public static final int COMMAND_SET = 2;
    public static final int COMMAND_CLEAR = 3;
    public static final int COMMAND_TOGGLE = 4;
    public static final int COMMAND_ENABLE_INPUT = 5;
    public static final int COMMAND_READ = 6;
    public static final int COMMAND_ENABLE_INTERRUPT = 7;
    public static final int COMMAND_DISABLE_INTERRUPT = 8;
    public static final int COMMAND_DISABLE = 9;
    public static final int COMMAND_COUNT = 10;

    /** The subscribe number of the interrupt upcall, whose values are {@code (pin, level, 0)}. */
    public static final int SUBSCRIBE_INTERRUPT = 0;

    /** An input's pull resistor, with the number command 5 takes as its second argument. */
    public enum Pull {
        NONE(0),
        UP(1),
        DOWN(2);

        private final int number;

        Pull(int number) {
            this.number = number;
        }

        /** The value of command 5's second argument. */
        public int number() {
            return number;
        }
    }

    /** Which level changes interrupt, with the number command 7 takes as its second argument. */
    public enum Edge {
        EITHER(0),
        RISING(1),
        FALLING(2);

        private final int number;

        Edge(int number) {
            this.number = number;
        }

        /** The value of command 7's second argument. */
        public int number() {
            return number;
        }
    }

    private final Syscalls sys;
    private int upcall;
    private BiConsumer<Integer, Boolean> listener;

    public Gpio(Syscalls sys) {
        this.sys = Objects.requireNonNull(sys, "sys");
    }

    /** Whether the board has the GPIO driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** The number of GPIO numbers the driver has (some may be empty). */
    public int count() {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_COUNT, 0, 0), "Gpio.count");
    }

    /** Makes {@code pin} an output. */
    public void enableOutput(int pin) {
        pinCommand(COMMAND_ENABLE_OUTPUT, pin, 0, "Gpio.enableOutput");
    }

    /** Drives {@code pin} high. */
    public void set(int pin) {
        pinCommand(COMMAND_SET, pin, 0, "Gpio.set");
    }

    /** Drives {@code pin} low. */
    public void clear(int pin) {
        pinCommand(COMMAND_CLEAR, pin, 0, "Gpio.clear");
    }

    /** Inverts the level {@code pin} drives. */
    public void toggle(int pin) {
        pinCommand(COMMAND_TOGGLE, pin, 0, "Gpio.toggle");
    }

    /** Makes {@code pin} an input with the pull resistor {@code pull}. */
    public void enableInput(int pin, Pull pull) {
        pinCommand(COMMAND_ENABLE_INPUT, pin, pull.number(), "Gpio.enableInput");
    }

    /** Whether {@code pin} reads high. */
    public boolean read(int pin) {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_READ, pin, 0), "Gpio.read", pin) != 0;
    }

    /** Makes {@code pin} interrupt on {@code edge}. */
    public void enableInterrupt(int pin, Edge edge) {
        pinCommand(COMMAND_ENABLE_INTERRUPT, pin, edge.number(), "Gpio.enableInterrupt");
    }

    /** Stops {@code pin} interrupting (the kernel also puts the pin in low power). */
    public void disableInterrupt(int pin) {
        pinCommand(COMMAND_DISABLE_INTERRUPT, pin, 0, "Gpio.disableInterrupt");
    }

    /** Puts {@code pin} in low power. */
    public void disable(int pin) {
        pinCommand(COMMAND_DISABLE, pin, 0, "Gpio.disable");
    }

    /**
     * Subscribes {@code listener} to the pin interrupts: it is called with {@code (pin, high)} for each
     * interrupt, whenever the process yields. Replaces the listener set before.
     */
    public void onInterrupt(BiConsumer<Integer, Boolean> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (upcall == 0) {
            upcall = sys.upcallAddress((pin, level, unused, data) -> {
                BiConsumer<Integer, Boolean> current = this.listener;
                if (current != null) {
                    current.accept(pin, level != 0);
                }
            });
        }
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_INTERRUPT, upcall, 0),
                "Gpio.onInterrupt subscribe");
    }

    /** Unsubscribes the listener: interrupts still pending and later ones are dropped by the kernel. */
    public void removeOnInterrupt() {
        listener = null;
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_INTERRUPT, 0, 0),
                "Gpio.removeOnInterrupt subscribe");
    }

    private void pinCommand(int command, int pin, int argument, String operation) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, command, pin, argument), operation, pin);
    }
}
