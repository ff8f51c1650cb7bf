package org.tock4j.userland.libtock;

import java.util.Objects;
import org.tock4j.userland.Syscalls;

/**
 * Low-level debug output, driver {@code 0x8} (Tock's {@code capsules/core/src/low_level_debug/}): alert codes
 * and numbers printed by the kernel on its debug UART, with nothing but commands (no buffer, no upcall), for
 * debugging before the console works.
 *
 * <pre>{@code
 * LowLevelDebug debug = new LowLevelDebug(sys);
 * debug.print(0x45);                      // the kernel prints "LowLevelDebug: App 0x<id> prints 0x45"
 * debug.print(1, 0x45);                   // "... prints 0x1 0x45"
 * debug.alert(LowLevelDebug.ALERT_PANIC); // "... alert code 0x1"
 * }</pre>
 *
 * <table>
 *   <caption>System calls</caption>
 *   <tr><th>method</th><th>syscall</th><th>kernel answer</th></tr>
 *   <tr><td>{@link #exists()}</td><td>command(8, 0, 0, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #alert(int)}</td><td>command(8, 1, code, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #print(int)}</td><td>command(8, 2, a, 0)</td><td>Success</td></tr>
 *   <tr><td>{@link #print(int, int)}</td><td>command(8, 3, a, b)</td><td>Success</td></tr>
 * </table>
 *
 * <p>The kernel prints the numbers as unsigned hexadecimal; when its queue is full it counts dropped messages
 * instead, still answering {@code Success}. Errors become a {@link TockException}; a board without the driver
 * gives {@code NODEVICE} (libtock-rs ignores the answers; here a misconfigured board shows at once).
 * libtock-rs counterpart: {@code libtock_low_level_debug::LowLevelDebug} ({@code print_alert_code},
 * {@code print_1}, {@code print_2}).
 */
public final class LowLevelDebug {

    public static final int DRIVER_NUM = 0x8;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_ALERT_CODE = 1;
    public static final int COMMAND_PRINT_1 = 2;
    public static final int COMMAND_PRINT_2 = 3;

    /** The predefined alert code for an application panic. */
    public static final int ALERT_PANIC = 0x01;

    /** The predefined alert code for an app that was not installed at the flash address it was built for. */
    public static final int ALERT_WRONG_LOCATION = 0x02;

    private final Syscalls sys;

    public LowLevelDebug(Syscalls sys) {
        this.sys = Objects.requireNonNull(sys, "sys");
    }

    /** Whether the board has the low-level debug driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** Prints alert code {@code code}, e.g. {@link #ALERT_PANIC}. */
    public void alert(int code) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_ALERT_CODE, code, 0), "LowLevelDebug.alert",
                code);
    }

    /** Prints {@code a} in hexadecimal. */
    public void print(int a) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_PRINT_1, a, 0), "LowLevelDebug.print", a);
    }

    /** Prints {@code a} and {@code b} in hexadecimal, on one line. */
    public void print(int a, int b) {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_PRINT_2, a, b), "LowLevelDebug.print", a);
    }
}
