package org.tock4j.userland.libtock;

import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * The LEDs, driver {@code 0x2} (Tock's {@code capsules/core/src/led.rs}).
 *
 * <pre>{@code
 * Leds leds = new Leds(sys);
 * for (int i = 0; i < leds.count(); i++) leds.on(i);
 * }</pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><th>method</th><th>syscall</th><th>kernel answer</th></tr>
 *   <tr><td>{@link #count()}</td><td>command(2, 0, 0, 0)</td><td>Success with u32: the number of LEDs</td></tr>
 *   <tr><td>{@link #on(int)}</td><td>command(2, 1, led, 0)</td><td>Success, or INVAL for a bad index</td></tr>
 *   <tr><td>{@link #off(int)}</td><td>command(2, 2, led, 0)</td><td>Success, or INVAL</td></tr>
 *   <tr><td>{@link #toggle(int)}</td><td>command(2, 3, led, 0)</td><td>Success, or INVAL</td></tr>
 * </table>
 *
 * <p>Errors become a {@link TockException}; a board without the driver gives {@code NODEVICE}.
 * libtock-c counterpart: {@code libtock/interface/led.h} ({@code libtock_led_count}, {@code _on}, {@code _off},
 * {@code _toggle}); libtock-rs counterpart: {@code libtock_leds::Leds}.
 */
public final class Leds {

    public static final int DRIVER_NUM = 0x2;

    public static final int COMMAND_COUNT = 0;
    public static final int COMMAND_ON = 1;
    public static final int COMMAND_OFF = 2;
    public static final int COMMAND_TOGGLE = 3;

    private final Syscalls sys;

    public Leds(Syscalls sys) {
        this.sys = sys;
    }

    /** Whether the board has the LED driver with at least one LED. */
    public boolean exists() {
        Registers r = sys.command(DRIVER_NUM, COMMAND_COUNT, 0, 0);
        return r.r0() == Registers.SUCCESS_U32 && r.r1() != 0;
    }

    /** The number of LEDs on the board. */
    public int count() {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_COUNT, 0, 0), "Leds.count");
    }

    /** Turns LED {@code led} on. */
    public void on(int led) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_ON, led, 0), "Leds.on", led);
    }

    /** Turns LED {@code led} off. */
    public void off(int led) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_OFF, led, 0), "Leds.off", led);
    }

    /** Toggles LED {@code led}. */
    public void toggle(int led) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_TOGGLE, led, 0), "Leds.toggle", led);
    }
}
