package org.tock4j.apps;

import java.util.HexFormat;
import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.libtock.Alarm;
import org.tock4j.userland.libtock.Console;
import org.tock4j.userland.libtock.Libtock;
import org.tock4j.userland.libtock.Rng;

/**
 * Prints {@value #BYTES} random bytes every {@value #INTERVAL_MS} ms, forever, one line each:
 * {@code "Random: 0x"}, then each byte in the order the kernel delivered it as two lower-case hex digits, then
 * {@code "\r\n"}, e.g. {@code "Random: 0x001fa0ff12345678\r\n"} (fewer digits only if the kernel delivered fewer
 * bytes).
 *
 * <p>libtock-c counterpart: {@code examples/tests/rng} (which prints 256 bytes as {@code "Randomness: ..."}
 * every 500 ms).
 */
public final class RngApp implements App {

    /** How many random bytes each line shows. */
    public static final int BYTES = 8;

    /** The time between lines. */
    public static final int INTERVAL_MS = 1000;

    @Override
    public String name() {
        return "rng";
    }

    @Override
    public void main(Syscalls sys) {
        Libtock tock = new Libtock(sys);
        Rng rng = tock.rng();
        Console console = tock.console();
        Alarm alarm = tock.alarm();
        while (true) {
            console.write(line(rng.randomBytes(BYTES)));
            alarm.delayMs(INTERVAL_MS);
        }
    }

    /** The line printed for {@code random}. */
    static String line(byte[] random) {
        return "Random: 0x" + HexFormat.of().formatHex(random) + "\r\n";
    }
}
