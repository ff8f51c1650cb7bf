package org.tock4j.kernel.syscall;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A decoded system call, as a process made it: the class plus registers r0..r3.
 *
 * <pre>
 *   svc N, r0 r1 r2 r3 ──► Syscall.fromRegisterArguments(N, r0, r1, r2, r3)
 *       N=0 Yield(which, paramA, paramB)          N=4 ReadOnlyAllow(driver, n, address, size)
 *       N=1 Subscribe(driver, n, upcallPtr, appdata)  N=5 Memop(operand, arg0)
 *       N=2 Command(driver, n, arg0, arg1)         N=6 Exit(which, completionCode)
 *       N=3 ReadWriteAllow(driver, n, address, size)  N=7 UserspaceReadableAllow(driver, n, address, size)
 * </pre>
 *
 * <p>All values are 32-bit registers; read them unsigned where TRD104 says so.
 *
 * <p>Tock counterpart: {@code kernel::syscall::Syscall}.
 */
public sealed interface Syscall {

    record Yield(int which, int paramA, int paramB) implements Syscall {}

    record Subscribe(int driverNumber, int subdriverNumber, int upcallPtr, int appdata) implements Syscall {}

    record Command(int driverNumber, int subdriverNumber, int arg0, int arg1) implements Syscall {}

    record ReadWriteAllow(int driverNumber, int subdriverNumber, int allowAddress, int allowSize)
            implements Syscall {}

    record UserspaceReadableAllow(int driverNumber, int subdriverNumber, int allowAddress, int allowSize)
            implements Syscall {}

    record ReadOnlyAllow(int driverNumber, int subdriverNumber, int allowAddress, int allowSize)
            implements Syscall {}

    record Memop(int operand, int arg0) implements Syscall {}

    record Exit(int which, int completionCode) implements Syscall {}

    /** Decodes an SVC; empty when {@code syscallNumber} names no class. */
    static Optional<Syscall> fromRegisterArguments(int syscallNumber, int r0, int r1, int r2, int r3) {
        SyscallClass c = SyscallClass.fromNumber(syscallNumber);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(switch (c) {
            case Yield -> new Yield(r0, r1, r2);
            case Subscribe -> new Subscribe(r0, r1, r2, r3);
            case Command -> new Command(r0, r1, r2, r3);
            case ReadWriteAllow -> new ReadWriteAllow(r0, r1, r2, r3);
            case UserspaceReadableAllow -> new UserspaceReadableAllow(r0, r1, r2, r3);
            case ReadOnlyAllow -> new ReadOnlyAllow(r0, r1, r2, r3);
            case Memop -> new Memop(r0, r1);
            case Exit -> new Exit(r0, r1);
        });
    }

    /** The driver this call addresses, for the classes that address one. */
    default OptionalInt driverNumberIfAny() {
        return switch (this) {
            case Subscribe s -> OptionalInt.of(s.driverNumber());
            case Command c -> OptionalInt.of(c.driverNumber());
            case ReadWriteAllow a -> OptionalInt.of(a.driverNumber());
            case UserspaceReadableAllow a -> OptionalInt.of(a.driverNumber());
            case ReadOnlyAllow a -> OptionalInt.of(a.driverNumber());
            case Yield y -> OptionalInt.empty();
            case Memop m -> OptionalInt.empty();
            case Exit e -> OptionalInt.empty();
        };
    }

    /** The subscribe, command or allow number, for the classes that have one. */
    default OptionalInt subdriverNumberIfAny() {
        return switch (this) {
            case Subscribe s -> OptionalInt.of(s.subdriverNumber());
            case Command c -> OptionalInt.of(c.subdriverNumber());
            case ReadWriteAllow a -> OptionalInt.of(a.subdriverNumber());
            case UserspaceReadableAllow a -> OptionalInt.of(a.subdriverNumber());
            case ReadOnlyAllow a -> OptionalInt.of(a.subdriverNumber());
            case Yield y -> OptionalInt.empty();
            case Memop m -> OptionalInt.empty();
            case Exit e -> OptionalInt.empty();
        };
    }

    /** The class of this call. */
    default SyscallClass syscallClass() {
        return switch (this) {
            case Yield y -> SyscallClass.Yield;
            case Subscribe s -> SyscallClass.Subscribe;
            case Command c -> SyscallClass.Command;
            case ReadWriteAllow a -> SyscallClass.ReadWriteAllow;
            case UserspaceReadableAllow a -> SyscallClass.UserspaceReadableAllow;
            case ReadOnlyAllow a -> SyscallClass.ReadOnlyAllow;
            case Memop m -> SyscallClass.Memop;
            case Exit e -> SyscallClass.Exit;
        };
    }
}
