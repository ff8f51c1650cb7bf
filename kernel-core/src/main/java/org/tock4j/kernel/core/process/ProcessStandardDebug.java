package org.tock4j.kernel.core.process;

import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.syscall.Syscall;

/**
 * Debugging counters and pointers of a process.
 *
 * <p>Tock counterpart: {@code kernel::process_standard::ProcessStandardDebugFull}.
 */
final class ProcessStandardDebug {
    private OptionalInt appHeapStartPointer = OptionalInt.empty();
    private OptionalInt appStackStartPointer = OptionalInt.empty();
    private OptionalInt appStackMinPointer = OptionalInt.empty();
    private int syscallCount;
    private Syscall lastSyscall;
    private int droppedUpcallCount;
    private int timesliceExpirationCount;

    void setAppHeapStartPointer(int p) {
        appHeapStartPointer = OptionalInt.of(p);
    }

    void setAppStackStartPointer(int p) {
        appStackStartPointer = OptionalInt.of(p);
    }

    void setAppStackMinPointer(int p) {
        appStackMinPointer = OptionalInt.of(p);
    }

    /** Lowers the lowest stack pointer seen, if {@code p} is lower. */
    void setNewAppStackMinPointer(int p) {
        long lowest = appStackMinPointer.isEmpty() ? Integer.toUnsignedLong(p)
                : Math.min(Integer.toUnsignedLong(p), Integer.toUnsignedLong(appStackMinPointer.getAsInt()));
        appStackMinPointer = OptionalInt.of((int) lowest);
    }

    OptionalInt appHeapStartPointer() {
        return appHeapStartPointer;
    }

    OptionalInt appStackStartPointer() {
        return appStackStartPointer;
    }

    OptionalInt appStackMinPointer() {
        return appStackMinPointer;
    }

    void syscallCalled(Syscall syscall) {
        syscallCount++;
        lastSyscall = syscall;
    }

    int syscallCount() {
        return syscallCount;
    }

    Optional<Syscall> lastSyscall() {
        return Optional.ofNullable(lastSyscall);
    }

    void incrementDroppedUpcallCount() {
        droppedUpcallCount++;
    }

    int droppedUpcallCount() {
        return droppedUpcallCount;
    }

    void incrementTimesliceExpirationCount() {
        timesliceExpirationCount++;
    }

    int timesliceExpirationCount() {
        return timesliceExpirationCount;
    }

    /** What a restart clears (Tock's {@code reset_*}). */
    void reset() {
        lastSyscall = null;
        syscallCount = 0;
        droppedUpcallCount = 0;
        timesliceExpirationCount = 0;
    }
}
