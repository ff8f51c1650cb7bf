package org.tock4j.kernel.core.runtime;

import java.util.OptionalInt;

/**
 * Why a process's code faulted: an uncaught exception, an access the MPU refused (with the faulting address),
 * or a jump to an address with no function.
 */
public record ProcessFaultInfo(String reason, OptionalInt faultAddress, Throwable cause) {

    static ProcessFaultInfo exception(Throwable t) {
        return new ProcessFaultInfo("uncaught " + t, OptionalInt.empty(), t);
    }

    static ProcessFaultInfo memory(int address, String access) {
        return new ProcessFaultInfo(String.format("MPU fault: %s at %#010x", access, address),
                OptionalInt.of(address), null);
    }

    static ProcessFaultInfo badFunction(int pc) {
        return new ProcessFaultInfo(String.format("no function at %#010x", pc), OptionalInt.of(pc), null);
    }
}
