package org.tock4j.kernel.core.runtime;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Why a process's code faulted: an uncaught exception (a stack overflow and Java heap exhaustion named as such),
 * an access the MPU refused (with the faulting address), a jump to an address with no function, or code that
 * spun past the watchdog without reaching a preemption point.
 */
public record ProcessFaultInfo(String reason, OptionalInt faultAddress, Throwable cause) {

    static ProcessFaultInfo exception(Throwable t) {
        if (t instanceof StackOverflowError) {
            return new ProcessFaultInfo("stack overflow: " + t, OptionalInt.empty(), t);
        }
        if (t instanceof OutOfMemoryError) {
            return new ProcessFaultInfo("out of Java heap: " + t, OptionalInt.empty(), t);
        }
        return new ProcessFaultInfo("uncaught " + t, OptionalInt.empty(), t);
    }

    static ProcessFaultInfo spin(Duration watchdog) {
        return new ProcessFaultInfo("spun for more than " + watchdog.toMillis()
                + " ms of wall time without reaching a preemption point (a system call, a memory access or busy)",
                OptionalInt.empty(), null);
    }

    static ProcessFaultInfo memory(int address, String access) {
        return new ProcessFaultInfo(String.format("MPU fault: %s at %#010x", access, address),
                OptionalInt.of(address), null);
    }

    static ProcessFaultInfo badFunction(int pc) {
        return new ProcessFaultInfo(String.format("no function at %#010x", pc), OptionalInt.of(pc), null);
    }
}
