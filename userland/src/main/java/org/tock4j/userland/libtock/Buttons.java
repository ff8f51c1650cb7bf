package org.tock4j.userland.libtock;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * The buttons, driver {@code 0x3} (Tock's {@code capsules/core/src/button.rs}), by index in the board's order.
 *
 * <pre>{@code
 * Buttons buttons = new Buttons(sys);
 * buttons.onPress((button, pressed) -> { if (pressed) leds.toggle(button); });
 * for (int i = 0; i < buttons.count(); i++) buttons.enableInterrupt(i);
 * // ... callbacks run whenever the process yields
 *
 * buttons.waitForPress(0);                             // or block until button 0 is pressed
 * }</pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><th>method</th><th>syscall</th><th>kernel answer</th></tr>
 *   <tr><td>{@link #count()}</td><td>command(3, 0, 0, 0)</td>
 *       <td>Success with u32: the number of buttons</td></tr>
 *   <tr><td>{@link #enableInterrupt(int)}</td><td>command(3, 1, button, 0)</td>
 *       <td>Success, or INVAL for a bad index</td></tr>
 *   <tr><td>{@link #disableInterrupt(int)}</td><td>command(3, 2, button, 0)</td><td>Success, or INVAL</td></tr>
 *   <tr><td>{@link #isPressed(int)}</td><td>command(3, 3, button, 0)</td>
 *       <td>Success with u32: 1 pressed, 0 not; or INVAL</td></tr>
 *   <tr><td>{@link #onPress(BiConsumer)}</td><td>subscribe(3, 0, upcall, 0)</td>
 *       <td>then, for each enabled button that changes, the upcall {@code (button, pressed ? 1 : 0, 0)}</td></tr>
 *   <tr><td>{@link #removeOnPress()}</td><td>subscribe(3, 0, 0, 0)</td><td></td></tr>
 *   <tr><td>{@link #waitForPress()}</td><td>yield(2, 3, 0) until a press</td><td>the button upcall's values</td></tr>
 *   <tr><td>{@link #waitForPress(int)}</td><td>command(3, 1, button, 0), then yield(2, 3, 0) until that button
 *       is pressed</td><td></td></tr>
 * </table>
 *
 * <p>The kernel only tells a process about buttons whose interrupts it enabled. The upcall function is
 * registered with {@link Syscalls#upcallAddress} once per {@code Buttons}, however often {@link #onPress} is
 * called; it passes each change to the listener set last. The waits use Yield-WaitFor, so no callback runs
 * while they block: releases and other buttons' presses they see are consumed, not passed to the listener.
 *
 * <p>Errors become a {@link TockException}; a board without the driver gives {@code NODEVICE}.
 * libtock-c counterpart: {@code libtock/interface/button.h} ({@code libtock_button_count},
 * {@code libtock_button_read}, {@code libtock_button_notify_on_press}), {@code libtocksync_button_wait_for_press};
 * libtock-rs counterpart: {@code libtock_buttons::Buttons}.
 */
public final class Buttons {

    public static final int DRIVER_NUM = 0x3;

    public static final int COMMAND_COUNT = 0;
    public static final int COMMAND_ENABLE_INTERRUPT = 1;
    public static final int COMMAND_DISABLE_INTERRUPT = 2;
    public static final int COMMAND_READ = 3;

    /** The subscribe number of the button upcall, whose values are {@code (button, pressed ? 1 : 0, 0)}. */
    public static final int SUBSCRIBE_BUTTON = 0;

    private final Syscalls sys;
    private int upcall;
    private BiConsumer<Integer, Boolean> listener;

    public Buttons(Syscalls sys) {
        this.sys = Objects.requireNonNull(sys, "sys");
    }

    /** Whether the board has the button driver with at least one button. */
    public boolean exists() {
        Registers r = sys.command(DRIVER_NUM, COMMAND_COUNT, 0, 0);
        return r.r0() == Registers.SUCCESS_U32 && r.r1() != 0;
    }

    /** The number of buttons on the board. */
    public int count() {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_COUNT, 0, 0), "Buttons.count");
    }

    /** Asks the kernel to report presses and releases of button {@code button} to this process. */
    public void enableInterrupt(int button) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_ENABLE_INTERRUPT, button, 0),
                "Buttons.enableInterrupt", button);
    }

    /** Stops the reports for button {@code button}. */
    public void disableInterrupt(int button) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_DISABLE_INTERRUPT, button, 0),
                "Buttons.disableInterrupt", button);
    }

    /** Whether button {@code button} is pressed now. */
    public boolean isPressed(int button) {
        return SyscallReturns.expectSuccessU32(sys.command(DRIVER_NUM, COMMAND_READ, button, 0),
                "Buttons.isPressed", button) != 0;
    }

    /**
     * Subscribes {@code listener} to the buttons: it is called with {@code (button, true)} on each press and
     * {@code (button, false)} on each release of a button whose interrupts are enabled, whenever the process
     * yields. Replaces the listener set before.
     */
    public void onPress(BiConsumer<Integer, Boolean> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (upcall == 0) {
            upcall = sys.upcallAddress((button, pressed, unused, data) -> {
                BiConsumer<Integer, Boolean> current = this.listener;
                if (current != null) {
                    current.accept(button, pressed == 1);
                }
            });
        }
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_BUTTON, upcall, 0),
                "Buttons.onPress subscribe");
    }

    /** Unsubscribes the listener: changes still pending and later ones are dropped by the kernel. */
    public void removeOnPress() {
        listener = null;
        SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_BUTTON, 0, 0),
                "Buttons.removeOnPress subscribe");
    }

    /**
     * Blocks until a button whose interrupts are enabled is pressed and returns its index; releases in between
     * are skipped. Waits with Yield-WaitFor on {@code (3, 0)}: no callback runs meanwhile.
     */
    public int waitForPress() {
        while (true) {
            UpcallArguments change = UpcallArguments.fromYieldWaitFor(
                    sys.yield(Yield.WAIT_FOR, DRIVER_NUM, SUBSCRIBE_BUTTON));
            if (change.arg1() == 1) {
                return change.arg0();
            }
        }
    }

    /**
     * Enables the interrupts of button {@code button} and blocks until it is pressed, as libtock-c's
     * {@code libtocksync_button_wait_for_press}: other buttons' changes and releases in between are skipped.
     * The interrupts stay enabled.
     */
    public void waitForPress(int button) {
        enableInterrupt(button);
        while (waitForPress() != button) {
            // another button was pressed: keep waiting
        }
    }
}
