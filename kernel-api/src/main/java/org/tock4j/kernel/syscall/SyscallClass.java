package org.tock4j.kernel.syscall;

/**
 * The eight system call classes of TRD104, by their SVC number.
 *
 * <p>Tock counterpart: {@code kernel::syscall::SyscallClass}.
 */
public enum SyscallClass {
    Yield(0),
    Subscribe(1),
    Command(2),
    ReadWriteAllow(3),
    ReadOnlyAllow(4),
    Memop(5),
    Exit(6),
    UserspaceReadableAllow(7);

    private static final SyscallClass[] BY_NUMBER = values();

    private final int number;

    SyscallClass(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The class with SVC number {@code n}, or {@code null} when TRD104 defines none. */
    static SyscallClass fromNumber(int n) {
        return n >= 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : null;
    }
}
