package org.tock4j.userland.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tock4j.userland.Registers;

/**
 * A console capsule (driver 1) scripted on a {@link ScriptedSyscalls}, with the command numbers, allow and
 * upcall numbers of Tock's {@code console.rs}.
 *
 * <ul>
 *   <li>command 1 putstr(n): sends {@code min(n, allowed length, takeAtMost)} bytes of the read-only allow 1 to
 *       {@link #output()}, then schedules upcall 1 {@code (sent, 0, 0)};</li>
 *   <li>command 2 getnstr(n): fills the read-write allow 1 from {@link #type typed input} once n bytes are there
 *       and schedules upcall 2 {@code (0, n, 0)};</li>
 *   <li>command 3 aborts a waiting read: upcall 2 {@code (CANCEL, received, 0)}.</li>
 * </ul>
 */
public final class FakeConsole {

    private final ScriptedSyscalls sys;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private final List<int[]> writeAllows = new ArrayList<>();
    private int takeAtMost = Integer.MAX_VALUE;
    private int readWanted;

    private FakeConsole(ScriptedSyscalls sys) {
        this.sys = sys;
    }

    public static FakeConsole install(ScriptedSyscalls sys) {
        FakeConsole console = new FakeConsole(sys);
        sys.onCommand(1, 0, call -> ScriptedSyscalls.success());
        sys.onCommand(1, 1, call -> console.putstr(call.r2()));
        sys.onCommand(1, 2, call -> console.getnstr(call.r2()));
        sys.onCommand(1, 3, call -> console.abort());
        return console;
    }

    /** Makes each putstr send at most {@code bytes}, as a capsule with a small buffer would. */
    public FakeConsole takingAtMost(int bytes) {
        this.takeAtMost = bytes;
        return this;
    }

    /** Input that arrives on the UART. */
    public FakeConsole type(String text) {
        input.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        completeReadIfReady();
        return this;
    }

    /** Everything sent so far. */
    public String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The (address, length) of the read-only allow at each putstr. */
    public List<int[]> writeAllows() {
        return List.copyOf(writeAllows);
    }

    private Registers putstr(int length) {
        int[] allow = sys.readOnlyAllow(1, 1);
        writeAllows.add(allow);
        byte[] shared = sys.readOnlyAllowed(1, 1);
        int sent = Math.min(Math.min(length, shared.length), takeAtMost);
        output.write(shared, 0, sent);
        sys.scheduleUpcall(1, 1, sent, 0, 0);
        return ScriptedSyscalls.success();
    }

    private Registers getnstr(int length) {
        readWanted = Math.min(length, sys.readWriteAllowLength(1, 1));
        completeReadIfReady();
        return ScriptedSyscalls.success();
    }

    private Registers abort() {
        if (readWanted > 0) {
            int received = deliver(input.size());
            readWanted = 0;
            sys.scheduleUpcall(1, 2, 8, received, 0);
        }
        return ScriptedSyscalls.success();
    }

    private void completeReadIfReady() {
        if (readWanted > 0 && input.size() >= readWanted) {
            int received = deliver(readWanted);
            readWanted = 0;
            sys.scheduleUpcall(1, 2, 0, received, 0);
        }
    }

    private int deliver(int count) {
        byte[] all = input.toByteArray();
        int n = Math.min(count, all.length);
        byte[] now = Arrays.copyOf(all, n);
        input.reset();
        input.write(all, n, all.length - n);
        return sys.fillReadWriteAllow(1, 1, now);
    }
}
