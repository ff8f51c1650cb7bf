package org.tock4j.kernel.core.testing;

import org.tock4j.userland.App;
import org.tock4j.userland.Syscalls;

/** Apps written as lambdas for tests. */
public final class TestApps {
    private TestApps() {}

    /** The body of a test app. */
    @FunctionalInterface
    public interface Main {
        void run(Syscalls sys) throws Exception;
    }

    /**
     * What an app's crt0 does first: moves the app break to {@code bytes} past the start of its RAM (a new
     * process has only the runtime's {@code initialProcessAppBrkSize}). Returns the RAM start.
     */
    public static int growAppMemory(Syscalls sys, int bytes) {
        int start = sys.memop(2, 0).r1();
        if (!sys.memop(0, start + bytes).isSuccess()) {
            throw new IllegalStateException("brk to " + bytes + " bytes failed");
        }
        return start;
    }

    /** Waits for an upcall that never comes (yield-wait-for on a driver nobody has): the app stays put. */
    public static void park(Syscalls sys) {
        sys.yield(2, 0x7FFF_FFFF, 0);
        throw new IllegalStateException("parked app woke up");
    }

    /** An app named {@code name} running {@code main}. */
    public static App app(String name, Main main) {
        return app(name, 4096, main);
    }

    /** An app named {@code name} asking for {@code minimumRamBytes} of app memory. */
    public static App app(String name, int minimumRamBytes, Main main) {
        return new App() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int minimumRamBytes() {
                return minimumRamBytes;
            }

            @Override
            public void main(Syscalls sys) throws Exception {
                main.run(sys);
            }

            @Override
            public String toString() {
                return "TestApp(" + name + ")";
            }
        };
    }
}
