package org.tock4j.boards.kit;

import org.tock4j.kernel.core.process.FaultPolicies;
import org.tock4j.kernel.core.process.ProcessFaultPolicy;

/**
 * Which fault policy a board applies to its processes.
 *
 * <p>Tock counterpart: {@code capsules_system::process_policies}, chosen in a board's {@code main.rs}.
 */
public enum FaultPolicyChoice {
    /** Halt the board with a panic report (Tock's {@code PanicFaultPolicy}, the nRF52840-DK default). */
    PANIC,
    /** Leave the process faulted ({@code StopFaultPolicy}). */
    STOP,
    /** Restart it every time ({@code RestartFaultPolicy}). */
    RESTART;

    ProcessFaultPolicy policy() {
        return switch (this) {
            case PANIC -> FaultPolicies.panic();
            case STOP -> FaultPolicies.stop();
            case RESTART -> FaultPolicies.restart();
        };
    }

    /** The name board files and the CLI use. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FaultPolicyChoice fromCliName(String name) {
        for (FaultPolicyChoice c : values()) {
            if (c.cliName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown fault policy '" + name + "' (known: panic, stop, restart)");
    }
}
