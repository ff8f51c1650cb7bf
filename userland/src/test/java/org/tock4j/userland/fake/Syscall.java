package org.tock4j.userland.fake;

/**
 * One system call as the app made it: its class and the registers r0..r3 it loaded (unused ones are 0).
 *
 * <p>{@code toString} reads like the call, e.g. {@code command(2, 1, 0, 0)}, so a failing assertion shows the trace.
 */
public record Syscall(Kind kind, int r0, int r1, int r2, int r3) {

    /** The TRD104 system call classes. */
    public enum Kind {
        YIELD("yield"),
        SUBSCRIBE("subscribe"),
        COMMAND("command"),
        ALLOW_READ_WRITE("allowReadWrite"),
        ALLOW_READ_ONLY("allowReadOnly"),
        MEMOP("memop"),
        EXIT("exit"),
        ALLOW_USERSPACE_READABLE("allowUserspaceReadable");

        private final String callName;

        Kind(String callName) {
            this.callName = callName;
        }
    }

    public static Syscall yield(int which, int paramA, int paramB) {
        return new Syscall(Kind.YIELD, which, paramA, paramB, 0);
    }

    public static Syscall subscribe(int driver, int subscribeNum, int upcall, int appData) {
        return new Syscall(Kind.SUBSCRIBE, driver, subscribeNum, upcall, appData);
    }

    public static Syscall command(int driver, int command, int arg0, int arg1) {
        return new Syscall(Kind.COMMAND, driver, command, arg0, arg1);
    }

    public static Syscall allowReadWrite(int driver, int allowNum, int address, int length) {
        return new Syscall(Kind.ALLOW_READ_WRITE, driver, allowNum, address, length);
    }

    public static Syscall allowReadOnly(int driver, int allowNum, int address, int length) {
        return new Syscall(Kind.ALLOW_READ_ONLY, driver, allowNum, address, length);
    }

    public static Syscall memop(int operand, int arg0) {
        return new Syscall(Kind.MEMOP, operand, arg0, 0, 0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YIELD -> kind.callName + "(" + r0 + ", " + hex(r1) + ", " + r2 + ")";
            case MEMOP, EXIT -> kind.callName + "(" + r0 + ", " + hex(r1) + ")";
            case SUBSCRIBE, ALLOW_READ_WRITE, ALLOW_READ_ONLY, ALLOW_USERSPACE_READABLE ->
                    kind.callName + "(" + r0 + ", " + r1 + ", " + hex(r2) + ", " + r3 + ")";
            case COMMAND -> kind.callName + "(" + r0 + ", " + r1 + ", " + r2 + ", " + r3 + ")";
        };
    }

    private static String hex(int value) {
        return value >= 0 && value < 4096 ? Integer.toString(value) : "0x" + Integer.toHexString(value);
    }
}
