package org.tock4j.boards.hail;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.tock4j.userland.App;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;

/**
 * A test app that talks to the kernel through raw TRD104 system calls only: it runs a probe (commands on
 * the board's drivers) and prints the probe's answer on the console with allow-ro, subscribe, command and
 * yield, as libtock-c's {@code putnstr} does.
 */
final class RawSyscallApp implements App {
    private static final int CONSOLE = 0x1;
    private static final int MEMOP_BRK = 0;
    private static final int MEMOP_RAM_START = 2;
    /** App memory the helpers use: the console text at its start, random bytes from offset 256. */
    private static final int BUFFER_BYTES = 1024;

    private final String name;
    private final Function<Syscalls, String> probe;
    private boolean written;

    RawSyscallApp(String name, Function<Syscalls, String> probe) {
        this.name = name;
        this.probe = probe;
    }

    /** An app that prints {@code text}. */
    static RawSyscallApp printing(String name, String text) {
        return new RawSyscallApp(name, sys -> text);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void main(Syscalls sys) {
        byte[] text = probe.apply(sys).getBytes(StandardCharsets.US_ASCII);
        int buffer = buffer(sys);
        sys.memory().write(buffer, text, 0, text.length);
        int upcall = sys.upcallAddress((sent, unused1, unused2, data) -> written = true);
        expectSuccess(sys.subscribe(CONSOLE, 1, upcall, 0));
        expectSuccess(sys.allowReadOnly(CONSOLE, 1, buffer, text.length));
        expectSuccess(sys.command(CONSOLE, 1, text.length, 0));
        while (!written) {
            sys.yield(1, 0, 0);
        }
    }

    /** Waits on the alarm driver ({@code 0x0}) for {@code ticks} of its counter. */
    static void sleepTicks(Syscalls sys, int ticks) {
        boolean[] fired = {false};
        int upcall = sys.upcallAddress((now, expiration, unused, data) -> fired[0] = true);
        expectSuccess(sys.subscribe(0x0, 0, upcall, 0));
        expectSuccess(sys.command(0x0, 5, ticks, 0));
        while (!fired[0]) {
            sys.yield(1, 0, 0);
        }
    }

    /** Asks the RNG driver ({@code 0x40001}) for {@code count} random bytes; returns how many it delivered. */
    static int randomBytes(Syscalls sys, int count) {
        int buffer = buffer(sys) + 256;
        int[] delivered = {-1};
        int upcall = sys.upcallAddress((unused, received, unused2, data) -> delivered[0] = received);
        expectSuccess(sys.subscribe(0x40001, 0, upcall, 0));
        expectSuccess(sys.allowReadWrite(0x40001, 0, buffer, count));
        expectSuccess(sys.command(0x40001, 1, count, 0));
        while (delivered[0] < 0) {
            sys.yield(1, 0, 0);
        }
        return delivered[0];
    }

    /**
     * Reads the temperature driver ({@code 0x60000}): subscribe 0, command 1, yield until the upcall; returns
     * the reading in hundredths of a degree Celsius.
     */
    static int readTemperature(Syscalls sys) {
        boolean[] done = {false};
        int[] reading = {0};
        int upcall = sys.upcallAddress((temperature, unused1, unused2, data) -> {
            reading[0] = temperature;
            done[0] = true;
        });
        expectSuccess(sys.subscribe(0x60000, 0, upcall, 0));
        expectSuccess(sys.command(0x60000, 1, 0, 0));
        while (!done[0]) {
            sys.yield(1, 0, 0);
        }
        return reading[0];
    }

    /** The start of the app's memory, with the break moved past {@value #BUFFER_BYTES} bytes of it. */
    private static int buffer(Syscalls sys) {
        int start = expectSuccess(sys.memop(MEMOP_RAM_START, 0)).r1();
        expectSuccess(sys.memop(MEMOP_BRK, start + BUFFER_BYTES));
        return start;
    }

    /** r1 of a successful command. */
    static int commandU32(Syscalls sys, int driver, int command, int arg0) {
        Registers r = expectSuccess(sys.command(driver, command, arg0, 0));
        return r.r1();
    }

    static Registers expectSuccess(Registers r) {
        if (!r.isSuccess()) {
            throw new IllegalStateException("system call failed: " + r);
        }
        return r;
    }
}
