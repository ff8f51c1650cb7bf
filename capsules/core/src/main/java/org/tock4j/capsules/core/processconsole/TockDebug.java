package org.tock4j.capsules.core.processconsole;

import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * Kernel values rendered as Rust's derived {@code Debug} renders their Tock counterparts, so the console's
 * output reads as Tock's: {@code YieldedFor(UpcallId { driver_num: 1, subscribe_num: 2 })},
 * {@code Command { driver_number: 2, subdriver_number: 1, arg0: 0, arg1: 0 }}.
 */
final class TockDebug {
    private TockDebug() {}

    /** {@code {:?}} of a {@code kernel::process::State} (and of the {@code StoppedState} it may carry). */
    static String state(State state) {
        return switch (state) {
            case State.YieldedFor yieldedFor -> "YieldedFor(" + upcallId(yieldedFor.upcallId()) + ")";
            case State.Stopped stopped -> "Stopped(" + state(stopped.previous()) + ")";
            default -> state.tockName();
        };
    }

    /** {@code {:?}} of a {@code kernel::upcall::UpcallId}: both fields are {@code usize}, printed in decimal. */
    static String upcallId(UpcallId id) {
        return "UpcallId { driver_num: " + usize(id.driverNum()) + ", subscribe_num: " + usize(id.subscribeNum())
                + " }";
    }

    /**
     * {@code {:?}} of a {@code kernel::syscall::Syscall}: {@code usize} fields in decimal, pointers as
     * {@code 0x}-prefixed lower-case hexadecimal, and the subscribe pointers wrapped in Tock's
     * {@code CapabilityPtr}.
     */
    static String syscall(Syscall syscall) {
        return switch (syscall) {
            case Syscall.Yield y -> "Yield { which: " + usize(y.which()) + ", param_a: " + usize(y.paramA())
                    + ", param_b: " + usize(y.paramB()) + " }";
            case Syscall.Subscribe s -> "Subscribe { driver_number: " + usize(s.driverNumber())
                    + ", subdriver_number: " + usize(s.subdriverNumber())
                    + ", upcall_ptr: CapabilityPtr { ptr: " + pointer(s.upcallPtr()) + " }"
                    + ", appdata: CapabilityPtr { ptr: " + pointer(s.appdata()) + " } }";
            case Syscall.Command c -> "Command { driver_number: " + usize(c.driverNumber())
                    + ", subdriver_number: " + usize(c.subdriverNumber()) + ", arg0: " + usize(c.arg0())
                    + ", arg1: " + usize(c.arg1()) + " }";
            case Syscall.ReadWriteAllow a -> allow("ReadWriteAllow", a.driverNumber(), a.subdriverNumber(),
                    a.allowAddress(), a.allowSize());
            case Syscall.UserspaceReadableAllow a -> allow("UserspaceReadableAllow", a.driverNumber(),
                    a.subdriverNumber(), a.allowAddress(), a.allowSize());
            case Syscall.ReadOnlyAllow a -> allow("ReadOnlyAllow", a.driverNumber(), a.subdriverNumber(),
                    a.allowAddress(), a.allowSize());
            case Syscall.Memop m -> "Memop { operand: " + usize(m.operand()) + ", arg0: " + usize(m.arg0()) + " }";
            case Syscall.Exit e -> "Exit { which: " + usize(e.which()) + ", completion_code: "
                    + usize(e.completionCode()) + " }";
        };
    }

    /** Rust's {@code {:#010X}}: {@code 0x} and eight upper-case hexadecimal digits. */
    static String hex010(int value) {
        return String.format("0x%08X", value);
    }

    /** A 32-bit {@code usize} in decimal. */
    static String usize(int value) {
        return Integer.toUnsignedString(value);
    }

    private static String allow(String variant, int driverNumber, int subdriverNumber, int address, int size) {
        return variant + " { driver_number: " + usize(driverNumber) + ", subdriver_number: " + usize(subdriverNumber)
                + ", allow_address: " + pointer(address) + ", allow_size: " + usize(size) + " }";
    }

    /** Rust's {@code {:?}} of a raw pointer. */
    private static String pointer(int address) {
        return "0x" + Integer.toHexString(address);
    }
}
