package org.tock4j.kernel.core.ipc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.MemoryAllocationCapability;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.component.DriverNumber;
import org.tock4j.kernel.core.IpcUpcalls;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.ipc.IpcUpcallType;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadableProcessSlice;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * Inter-process communication: a process finds a service by its package name, the two notify each other, and
 * each may share a buffer with the other, which the notified process can then read and write.
 *
 * <p>System call interface (driver {@code 0x10000}). A process is named by its index in the process table, the
 * "service descriptor" discovery returns:
 *
 * <ul>
 *   <li>command 0: driver present; {@code Success}.
 *   <li>command 1: discovery. Looks up the process whose package name equals the bytes of read-only allow 0;
 *       {@code SuccessU32(index)}, {@code NODEVICE} if no process has that name, {@code INVAL} if the search
 *       buffer cannot be read, {@code NOMEM} if the caller's IPC grant cannot be allocated.
 *   <li>command 2 ({@code arg0} = service index): notify a service; queues a service notification on that
 *       process. {@code Success}; {@code INVAL} if no process has that index; the queueing error otherwise
 *       ({@code NODEVICE} if the process is not alive, {@code NOMEM} if its task queue is full).
 *   <li>command 3 ({@code arg0} = client index): notify a client, likewise.
 *   <li>subscribe {@code n} (n below the number of process slots): a service subscribes at its own index to
 *       hear from clients; a client subscribes at a service's index to hear from that service. The upcall's
 *       arguments are (index of the notifying process, length of the buffer it shared with the notified
 *       process, its address), or (index, 0, 0) when it shared none.
 *   <li>read-write allow {@code n}: shares a buffer with the process at index {@code n}. When {@code n} is
 *       notified by this process, it gets an MPU region over the buffer (which it keeps) before its upcall.
 *   <li>read-only allow 0: the package name to discover.
 * </ul>
 *
 * <pre>
 *   client: allow-ro(0, "svc") ─ command 1 ─► index of svc ─ subscribe(svc) ─ allow-rw(svc, buf) ─ command 2(svc)
 *   kernel: svc dequeues Task.Ipc(client, Service) ─► MPU region over buf for svc ─► svc's upcall(client, len, buf)
 *   svc:    reads/writes buf ─ command 3(client) ─► client's upcall(svc, 0, 0)
 * </pre>
 *
 * <p>Tock counterpart: {@code kernel::ipc::IPC} ({@code kernel/src/ipc.rs}); libtock-c's {@code ipc.c} is the
 * userspace side.
 */
public final class Ipc implements SyscallDriver, IpcUpcalls {
    /** Tock's {@code DRIVER_NUM}. */
    public static final int DRIVER_NUM = DriverNumber.IPC;

    /** The read-only allow holding the package name to discover (Tock's {@code ro_allow::SEARCH}). */
    public static final int RO_ALLOW_SEARCH = 0;
    /** Read-only allows the grant keeps (Tock's {@code ro_allow::COUNT}). */
    public static final int RO_ALLOW_COUNT = 1;

    /** The per-process state: nothing (Tock's zero-sized {@code IPCData}). */
    public static final class IpcData {}

    /** {@code IPCData}: no bytes, byte aligned. */
    public static final GrantType<IpcData> IPC_DATA = GrantType.of(IpcData::new, 0, 1);

    private final Grant<IpcData> data;
    private final Processes kernel;
    private final ProcessManagementCapability capability;

    /**
     * @param data a grant with one upcall and one read-write allow per process slot and one read-only allow
     * @param kernel the process table
     * @param capability lets IPC walk every process (Tock's IPC is part of the kernel crate and needs none)
     */
    public Ipc(Grant<IpcData> data, Processes kernel, ProcessManagementCapability capability) {
        if (capability == null) {
            throw new IllegalArgumentException("IPC needs the process management capability");
        }
        this.data = data;
        this.kernel = kernel;
        this.capability = capability;
    }

    /**
     * Creates IPC and its grant for a kernel with {@code numProcs} process slots (Tock's
     * {@code IPC::<NUM_PROCS>::new(kernel, driver_num, capability)}).
     */
    public static Ipc create(Kernel kernel, int numProcs, int driverNum, MemoryAllocationCapability memoryCapability,
            ProcessManagementCapability processCapability) {
        Grant<IpcData> grant = kernel.createGrant(driverNum, IPC_DATA, UpcallCount.of(numProcs),
                AllowRoCount.of(RO_ALLOW_COUNT), AllowRwCount.of(numProcs), memoryCapability);
        return new Ipc(grant, kernel, processCapability);
    }

    /** The grant IPC keeps its upcalls and buffers in. */
    public Grant<IpcData> grant() {
        return data;
    }

    // ---------------------------------------------------------------- the kernel loop's side

    /** What the kernel loop calls for a {@code Task.Ipc}; like Tock's loop, it ignores the result. */
    @Override
    public void scheduleUpcall(ProcessId to, ProcessId from, IpcUpcallType type) {
        scheduleIpcUpcall(to, from, type);
    }

    /**
     * Schedules the IPC upcall on {@code scheduleOn} for a notification from {@code calledFrom}: if
     * {@code calledFrom} shared a buffer with {@code scheduleOn} (its read-write allow at {@code scheduleOn}'s
     * index), {@code scheduleOn} gets an MPU region over that buffer, then its upcall is queued with
     * (index of {@code calledFrom}, buffer length, buffer address). A service's upcall is the one it subscribed
     * at its own index, a client's the one it subscribed at the service's index.
     *
     * @return {@code NoSuchApp} if either process is gone, {@code AlreadyInUse} if they are the same process
     *     (entering its grant twice would panic), or the grant's error
     */
    public Result<Void, ProcessError> scheduleIpcUpcall(ProcessId scheduleOn, ProcessId calledFrom,
            IpcUpcallType cbType) {
        Optional<Integer> scheduleOnIndex = scheduleOn.index();
        if (scheduleOnIndex.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        Optional<Integer> calledFromIndex = calledFrom.index();
        if (calledFromIndex.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        int scheduleOnId = scheduleOnIndex.get();
        int calledFromId = calledFromIndex.get();
        if (scheduleOnId == calledFromId) {
            return Result.err(ProcessError.AlreadyInUse);
        }

        Result<Result<Void, ProcessError>, ProcessError> entered = data.enter(scheduleOn,
                (scheduleOnState, scheduleOnData) -> data.enter(calledFrom, (calledFromState, calledFromData) -> {
                    // With a buffer shared by the other process, the notified one gets access to it first.
                    Result<ReadWriteProcessBuffer, ProcessError> slice =
                            calledFromData.getReadwriteProcessbuffer(scheduleOnId);
                    int len = 0;
                    int ptr = 0;
                    if (slice.isOk()) {
                        ReadWriteProcessBuffer buffer = slice.unwrap();
                        kernel.getProcess(scheduleOn)
                                .ifPresent(process -> process.addMpuRegion(buffer.ptr(), buffer.len(), buffer.len()));
                        len = buffer.len();
                        ptr = buffer.ptr();
                    }
                    int toSchedule = switch (cbType) {
                        case Service -> scheduleOnId;
                        case Client -> calledFromId;
                    };
                    scheduleOnData.scheduleUpcall(toSchedule, calledFromId, len, ptr);
                    return (Void) null;
                }));
        return entered.isErr() ? Result.err(entered.unwrapErr()) : entered.unwrap();
    }

    // ---------------------------------------------------------------- system calls

    @Override
    public CommandReturn command(int commandNum, int targetId, int unused, ProcessId processId) {
        return switch (commandNum) {
            case 0 -> CommandReturn.success();
            case 1 -> discover(processId);
            case 2 -> notify(targetId, processId, IpcUpcallType.Service);
            case 3 -> notify(targetId, processId, IpcUpcallType.Client);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return data.enter(processId, (state, kernelData) -> (Void) null);
    }

    /** Command 1: the index of the process named by read-only allow 0. */
    private CommandReturn discover(ProcessId processId) {
        return data.enter(processId, (state, kernelData) -> kernelData.getReadonlyProcessbuffer(RO_ALLOW_SEARCH)
                .andThen(this::searchFor)
                .unwrapOr(CommandReturn.failure(ErrorCode.INVAL)))
                .unwrapOr(CommandReturn.failure(ErrorCode.NOMEM));
    }

    private Result<CommandReturn, ProcessError> searchFor(ReadOnlyProcessBuffer search) {
        if (search.len() == 0) {
            // Nothing allowed: Tock searches with an empty name then (its empty buffer enters as an empty slice).
            return Result.ok(findProcessNamed(new byte[0]));
        }
        return search.enter(this::findProcessNamedIn);
    }

    private CommandReturn findProcessNamedIn(ReadableProcessSlice slice) {
        return findProcessNamed(slice.toArray());
    }

    private CommandReturn findProcessNamed(byte[] name) {
        for (Process p : kernel.processEachCapability(capability)) {
            byte[] s = p.getProcessName().getBytes(StandardCharsets.UTF_8);
            if (Arrays.equals(s, name)) {
                // The index is what the process subscribes and notifies with.
                Optional<Integer> index = p.processid().index();
                if (index.isPresent()) {
                    return CommandReturn.successU32(index.get());
                }
            }
        }
        return CommandReturn.failure(ErrorCode.NODEVICE);
    }

    /** Commands 2 and 3: queues the notification on the process at index {@code targetId}. */
    private CommandReturn notify(int targetId, ProcessId processId, IpcUpcallType cbType) {
        Optional<ProcessId> otherProcess = Optional.empty();
        for (Process p : kernel.processEachCapability(capability)) {
            Optional<Integer> index = p.processid().index();
            if (index.isPresent() && Integer.toUnsignedLong(index.get()) == Integer.toUnsignedLong(targetId)) {
                otherProcess = Optional.of(p.processid());
                break;
            }
        }
        if (otherProcess.isEmpty()) {
            return CommandReturn.failure(ErrorCode.INVAL);
        }
        return kernel.getProcess(otherProcess.get()).map(target -> {
            // enqueueTask does not say whether the target subscribed an upcall, only general failures such as a
            // full task queue.
            Result<Void, ErrorCode> ret = target.enqueueTask(new Task.Ipc(processId, cbType));
            return ret.isOk() ? CommandReturn.success() : CommandReturn.failure(ret.unwrapErr());
        }).orElse(CommandReturn.failure(ErrorCode.INVAL));
    }

    @Override
    public String toString() {
        return "Ipc(" + data + ")";
    }
}
