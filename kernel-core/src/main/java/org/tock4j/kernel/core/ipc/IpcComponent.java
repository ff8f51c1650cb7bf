package org.tock4j.kernel.core.ipc;

import java.util.List;

import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.component.CapsuleComponent;
import org.tock4j.kernel.component.ComponentContext;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.component.HilDependency;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Builds the {@code "ipc"} capsule ({@link Ipc}, driver {@code 0x10000}) with one upcall and one read-write
 * allow per process slot. It needs no HIL, but it walks every process, so the board must trust it:
 *
 * <pre>{@code
 * .trustedCapsule("ipc", DriverNumber.IPC)
 * }</pre>
 *
 * <p>The board kit hands the driver to {@code Kernel.setIpc}, since it is an
 * {@link org.tock4j.kernel.core.IpcUpcalls}: the kernel loop gives it the IPC tasks it dequeues.
 *
 * <p>Tock counterpart: the {@code kernel::ipc::IPC::new(board_kernel, DRIVER_NUM, &memory_allocation_cap)} of a
 * board's {@code main.rs}, with {@code NUM_PROCS} the board's number of process slots.
 */
public final class IpcComponent implements CapsuleComponent {

    @Override
    public String name() {
        return "ipc";
    }

    @Override
    public int defaultDriverNumber() {
        return DriverNumber.IPC;
    }

    @Override
    public List<HilDependency<?>> dependencies() {
        return List.of();
    }

    @Override
    public SyscallDriver create(ComponentContext context) {
        ProcessManagementCapability capability = context.processManagementCapability().orElseThrow(
                () -> new IllegalStateException("capsule 'ipc' finds and notifies other processes, so it needs the "
                        + "process management capability, and the board did not trust it: declare it with "
                        + "trustedCapsule(\"ipc\", 0x" + Integer.toHexString(context.driverNumber()) + ")"));
        if (!(context.processes() instanceof Kernel kernel)) {
            throw new IllegalStateException("capsule 'ipc' sizes its grant by the kernel's number of process slots, "
                    + "which only the tock4j kernel's process table tells; got " + context.processes());
        }
        int numProcs = kernel.processSlots();
        Grant<Ipc.IpcData> grant = context.createGrant(Ipc.IPC_DATA, UpcallCount.of(numProcs),
                AllowRoCount.of(Ipc.RO_ALLOW_COUNT), AllowRwCount.of(numProcs));
        return new Ipc(grant, kernel, capability);
    }
}
