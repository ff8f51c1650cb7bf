package org.tock4j.kernel.process;

import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.platform.mpu.Region;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * A process as the kernel sees it: its state, task queue, memory, grants and the switch into it.
 *
 * <pre>
 *   Kernel.doProcess ──► ready()? getState() ──► switchTo() ──► ContextSwitchReason
 *                                                   │              (syscall, fault, interrupt)
 *   Kernel.handleSyscall ──► setSyscallReturnValue / setYieldedState / enqueueTask ...
 * </pre>
 *
 * <p>This is an SPI: the kernel ships {@code ProcessStandard}; another runtime (an ARMv7-M interpreter
 * running real Tock binaries, say) could implement it too. Addresses are 32-bit values, unsigned.
 *
 * <p>Tock counterpart: {@code kernel::process::Process}.
 */
public interface Process {

    /** This process's id; it changes when the process restarts. */
    ProcessId processid();

    ShortId shortAppId();

    int getRestartCount();

    /** The package name from the TBF header. */
    String getProcessName();

    boolean hasTasks();

    int pendingTasks();

    /**
     * Queues a task. Fails with {@code NODEVICE} when the process is not alive, and with {@code NOMEM} when the
     * queue is full (the task is dropped and counted).
     */
    Result<Void, ErrorCode> enqueueTask(Task task);

    Optional<Task> dequeueTask();

    /** Removes and returns the first queued upcall with {@code upcallId}. */
    Optional<Task> removeUpcall(UpcallId upcallId);

    /** Removes every queued upcall with {@code upcallId}; returns how many. */
    int removePendingUpcalls(UpcallId upcallId);

    State getState();

    /** Whether the process can run now: running, or yielded with a task queued. */
    boolean ready();

    boolean isRunning();

    void setYieldedState();

    void setYieldedForState(UpcallId upcallId);

    void stop();

    void resume();

    /** The process faulted: apply its fault policy. */
    void setFaultState();

    void start(ProcessStartCapability capability);

    /** Terminates the process and restarts it if its restart policy allows. */
    void tryRestart(Optional<Integer> completionCode);

    /** Terminates the process, keeping the completion code (unsigned 32-bit). */
    void terminate(Optional<Integer> completionCode);

    /**
     * The completion code: empty if the process never completed; a present but empty inner value if it
     * completed without one (a fault); otherwise the code it exited with.
     */
    Optional<Optional<Integer>> getCompletionCode();

    /** Moves the application break; returns the new break. */
    Result<Integer, ProcessError> brk(int newBreak);

    /** Moves the application break by {@code increment}; returns the previous break. */
    Result<Integer, ProcessError> sbrk(int increment);

    int numberWriteableFlashRegions();

    /** The writeable flash region {@code index} as (offset from flash start, size); (0, 0) if absent. */
    int[] getWriteableFlashRegion(int index);

    void updateStackStartPointer(int stackPointer);

    void updateHeapStartPointer(int heapPointer);

    Result<ReadWriteProcessBuffer, ErrorCode> buildReadwriteProcessBuffer(int bufStartAddr, int size);

    Result<ReadOnlyProcessBuffer, ErrorCode> buildReadonlyProcessBuffer(int bufStartAddr, int size);

    /** Writes one byte of the process's app memory if {@code address} lies in it; returns whether it did. */
    boolean setByte(int address, byte value);

    CommandPermissions getCommandPermissions(int driverNum, int offset);

    void setupMpu();

    Optional<Region> addMpuRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize);

    Result<Void, ErrorCode> removeMpuRegion(Region region);

    /** Carves a grant of {@code size} bytes aligned to {@code align} from the grant region. */
    Result<Void, ProcessError> allocateGrant(int grantNum, int driverNum, int size, int align);

    /** Whether grant {@code grantNum} is allocated; empty if the process is not active. */
    Optional<Boolean> grantIsAllocated(int grantNum);

    Result<CustomGrantAllocation, ProcessError> allocateCustomGrant(int size, int align);

    /** Marks the grant entered and returns its base address; fails if it is entered already. */
    Result<Integer, ProcessError> enterGrant(int grantNum);

    Result<Integer, ProcessError> enterCustomGrant(ProcessCustomGrantIdentifier identifier);

    void leaveGrant(int grantNum);

    OptionalInt grantAllocatedCount();

    Result<Integer, ProcessError> lookupGrantFromDriverNum(int driverNum);

    /**
     * The Java object that stands for grant {@code grantNum}'s {@code T}, which Tock keeps at the end of the
     * grant allocation. Empty until the grant is allocated.
     */
    Optional<Object> grantData(int grantNum);

    void setGrantData(int grantNum, Object data);

    /** The Java object of a custom grant. */
    Optional<Object> customGrantData(ProcessCustomGrantIdentifier identifier);

    void setCustomGrantData(ProcessCustomGrantIdentifier identifier, Object data);

    boolean isValidUpcallFunctionPointer(int upcallFn);

    void setSyscallReturnValue(SyscallReturn returnValue);

    void setProcessFunction(FunctionCall callback);

    /** Runs the process until it traps; empty if switching failed. */
    Optional<ContextSwitchReason> switchTo();

    ProcessAddresses getAddresses();

    ProcessSizes getSizes();

    /** The process printed as Tock's panic report and process console print it. */
    String printFullProcess();

    int debugSyscallCount();

    int debugDroppedUpcallCount();

    int debugTimesliceExpirationCount();

    void debugTimesliceExpired();

    void debugSyscallCalled(Syscall lastSyscall);

    Optional<Syscall> debugSyscallLast();
}
