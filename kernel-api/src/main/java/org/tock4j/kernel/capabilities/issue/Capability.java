package org.tock4j.kernel.capabilities.issue;

import org.tock4j.kernel.capabilities.ExternalProcessCapability;
import org.tock4j.kernel.capabilities.MainLoopCapability;
import org.tock4j.kernel.capabilities.MemoryAllocationCapability;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;

/**
 * The one implementation of every capability. This package is exported only to the kernel and the board kit,
 * so nothing else can create one (Tock's {@code create_capability!}).
 */
public final class Capability
        implements ProcessManagementCapability, ProcessStartCapability, MainLoopCapability,
                MemoryAllocationCapability, ExternalProcessCapability {

    private static final Capability INSTANCE = new Capability();

    private Capability() {}

    public static MainLoopCapability mainLoop() {
        return INSTANCE;
    }

    public static MemoryAllocationCapability memoryAllocation() {
        return INSTANCE;
    }

    public static ProcessManagementCapability processManagement() {
        return INSTANCE;
    }

    public static ProcessStartCapability processStart() {
        return INSTANCE;
    }

    public static ExternalProcessCapability externalProcess() {
        return INSTANCE;
    }
}
