package org.tock4j.userland.fake;

import java.util.ArrayDeque;
import org.tock4j.userland.Registers;

/**
 * An RNG capsule (driver 0x40001) scripted on a {@link ScriptedSyscalls}, with the numbers of Tock's
 * {@code rng.rs}: command 1 {@code (n)} writes {@code min(n, allowed length, deliveringAtMost)} bytes to the
 * read-write allow 0 and schedules upcall 0 {@code (0, written, 0)}; a request for 0 bytes is never answered,
 * as in Tock. The bytes are the {@link #willReturn scripted} ones first, then 0x00, 0x01, 0x02, ... (wrapping).
 */
public final class FakeRng {

    private final ScriptedSyscalls sys;
    private final ArrayDeque<Byte> scripted = new ArrayDeque<>();
    private int counter;
    private int deliverAtMost = Integer.MAX_VALUE;
    private int requests;

    private FakeRng(ScriptedSyscalls sys) {
        this.sys = sys;
    }

    public static FakeRng install(ScriptedSyscalls sys) {
        FakeRng rng = new FakeRng(sys);
        sys.onCommand(0x40001, 0, call -> ScriptedSyscalls.success());
        sys.onCommand(0x40001, 1, call -> rng.get(call.r2()));
        return rng;
    }

    /** Queues {@code bytes} (each taken modulo 256) as the next random bytes. */
    public FakeRng willReturn(int... bytes) {
        for (int b : bytes) {
            scripted.add((byte) b);
        }
        return this;
    }

    /** Makes each request deliver at most {@code bytes}, as if the app's buffer had shrunk. */
    public FakeRng deliveringAtMost(int bytes) {
        this.deliverAtMost = bytes;
        return this;
    }

    /** How many command 1 requests arrived. */
    public int requests() {
        return requests;
    }

    private Registers get(int count) {
        requests++;
        if (count == 0) {
            return ScriptedSyscalls.success();
        }
        int n = Math.min(Math.min(count, sys.readWriteAllowLength(0x40001, 0)), deliverAtMost);
        byte[] random = new byte[n];
        for (int i = 0; i < n; i++) {
            random[i] = scripted.isEmpty() ? (byte) counter++ : scripted.poll();
        }
        int written = sys.fillReadWriteAllow(0x40001, 0, random);
        sys.scheduleUpcall(0x40001, 0, 0, written, 0);
        return ScriptedSyscalls.success();
    }
}
