package org.tock4j.kernel.core.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.loading.TbfHeader;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;
import org.tock4j.kernel.process.CommandPermissions;
import org.tock4j.kernel.process.CustomGrantAllocation;
import org.tock4j.kernel.process.FaultAction;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessCustomGrantIdentifier;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessSizes;
import org.tock4j.kernel.process.ShortId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * Tock's standard process: a TBF binary in flash and a block of RAM laid out as follows.
 *
 * <pre>
 *   memoryStart + memoryLen ┌─────────────────────────────┐ ◄ memory end
 *                           │ grant pointer table         │  (driver_num, grant_ptr) per grant;
 *                           │                             │  bit 0 of grant_ptr: entered
 *                           ├─────────────────────────────┤
 *                           │ upcall queue (Task ring)    │  CALLBACKS_OFFSET
 *                           ├─────────────────────────────┤
 *                           │ process control block       │  PROCESS_STRUCT_OFFSET
 *                           ├─────────────────────────────┤
 *                           │ grants, custom grants       │  grow down
 *                           ├─ kernel memory break ───────┤
 *                           │ free                        │
 *                           ├─ app break ─────────────────┤
 *                           │ app memory (stack, data,    │  grows up with brk / sbrk
 *                           │ heap)                       │
 *   memoryStart             └─────────────────────────────┘
 * </pre>
 *
 * <p>The kernel's tables live in those RAM bytes (the grant pointer table, each grant's counters, saved
 * upcalls and allows). The task queue and control block are Java objects whose Tock sizes are reserved.
 *
 * <p>Tock counterpart: {@code kernel::process_standard::ProcessStandard}.
 */
public final class ProcessStandard implements Process {
    /** Tock's {@code CALLBACK_LEN}. */
    public static final int CALLBACK_LEN = TaskQueue.SLOTS;
    /** {@code size_of::<Task>()} on a 32-bit Cortex-M (a FunctionCall: source, four arguments, pc). */
    public static final int TASK_SIZE = 36;
    /** Tock's {@code CALLBACKS_OFFSET}: the bytes of the upcall queue. */
    public static final int CALLBACKS_OFFSET = TASK_SIZE * CALLBACK_LEN;
    /** Tock's {@code PROCESS_STRUCT_OFFSET}: {@code size_of::<ProcessStandard>()} on a 32-bit Cortex-M. */
    public static final int PROCESS_STRUCT_OFFSET = 360;
    /** {@code size_of::<GrantPointerEntry>()}: driver number and pointer. */
    public static final int GRANT_POINTER_ENTRY_SIZE = 8;
    /** {@code size_of::<usize>()}. */
    private static final int USIZE = 4;
    /** How many MPU regions a process may add (Tock's {@code mpu_regions}). */
    private static final int MPU_REGIONS = 6;

    private final Kernel kernel;
    private final Chip chip;
    private final PhysicalMemory memory;
    private final TbfHeader header;
    private final ShortId appId;
    private final int flashStart;
    private final int flashLen;
    private final int memoryStart;
    private final int memoryLen;
    private final int grantPointers;
    private final int grantPointersCount;
    private final ProcessFaultPolicy faultPolicy;
    private final UserspaceKernelBoundary boundary;
    private final TaskQueue tasks = new TaskQueue();
    private final Region[] mpuRegions = new Region[MPU_REGIONS];
    private final Object[] grantData;
    private final Map<Integer, Object> customGrantData = new HashMap<>();
    private final ProcessStandardDebug debug = new ProcessStandardDebug();

    private ProcessId processId;
    private MpuConfig mpuConfig;
    private int appBreak;
    private int kernelMemoryBreak;
    private int allowHighWaterMark;
    private State state = State.YIELDED;
    private int restartCount;
    private Optional<Optional<Integer>> completionCode = Optional.empty();

    private ProcessStandard(Kernel kernel, Chip chip, TbfHeader header, ShortId appId, int flashStart, int flashLen,
            int memoryStart, int memoryLen, int grantPointers, int grantPointersCount,
            ProcessFaultPolicy faultPolicy, UserspaceKernelBoundary boundary, MpuConfig mpuConfig) {
        this.kernel = kernel;
        this.chip = chip;
        this.memory = kernel.memory();
        this.header = header;
        this.appId = appId;
        this.flashStart = flashStart;
        this.flashLen = flashLen;
        this.memoryStart = memoryStart;
        this.memoryLen = memoryLen;
        this.grantPointers = grantPointers;
        this.grantPointersCount = grantPointersCount;
        this.faultPolicy = faultPolicy;
        this.boundary = boundary;
        this.mpuConfig = mpuConfig;
        this.grantData = new Object[grantPointersCount];
    }

    /** A process that was created, and the memory left after it. */
    public record Created(ProcessStandard process, int remainingMemoryStart, int remainingMemoryLength) {}

    /**
     * Creates a process for the TBF binary at {@code flashStart} in the memory {@code [remainingMemoryStart,
     * +remainingMemoryLength)}, as Tock's {@code ProcessStandard::create}.
     */
    public static Result<Created, ProcessLoadError> create(Kernel kernel, Chip chip, TbfHeader header,
            int flashStart, int flashLen, int remainingMemoryStart, int remainingMemoryLength,
            ProcessFaultPolicy faultPolicy, UserspaceKernelBoundary boundary, ShortId appId, int index) {
        int processRamRequestedSize = header.minimumAppRamSize();
        MpuConfig mpuConfig = chip.mpu().newConfig().orElse(null);
        if (mpuConfig == null) {
            return Result.err(ProcessLoadError.MpuConfigurationError);
        }
        // The process's flash must be coverable by one MPU region.
        if (chip.mpu().allocateRegion(flashStart, flashLen, flashLen, Permissions.ReadExecuteOnly, mpuConfig)
                .isEmpty()) {
            return Result.err(ProcessLoadError.MpuInvalidFlashLength);
        }

        int grantPtrsNum = kernel.getGrantCountAndFinalize();
        int grantPtrsOffset = grantPtrsNum * GRANT_POINTER_ENTRY_SIZE;
        int initialKernelMemorySize = grantPtrsOffset + CALLBACKS_OFFSET + PROCESS_STRUCT_OFFSET + USIZE;
        int minProcessMemorySize = boundary.initialProcessAppBrkSize();
        int minProcessRamSize = Math.max(processRamRequestedSize, minProcessMemorySize);
        int minTotalMemorySize = minProcessRamSize + initialKernelMemorySize;

        int start = remainingMemoryStart;
        int length = remainingMemoryLength;
        Optional<Integer> fixedRam = header.fixedAddressRam();
        if (fixedRam.isPresent()) {
            int fixed = fixedRam.get();
            if (Integer.compareUnsigned(fixed, start) < 0) {
                return Result.err(ProcessLoadError.memoryAddressMismatch(start, fixed));
            }
            long diff = Integer.toUnsignedLong(fixed) - Integer.toUnsignedLong(start);
            if (diff > Integer.toUnsignedLong(length)) {
                return Result.err(ProcessLoadError.memoryAddressMismatch(start + length - 1, fixed));
            }
            start = fixed;
            length -= (int) diff;
        }

        var allocation = chip.mpu().allocateAppMemoryRegion(start, length, minTotalMemorySize,
                minProcessMemorySize, initialKernelMemorySize, Permissions.ReadWriteOnly, mpuConfig);
        if (allocation.isEmpty()) {
            return Result.err(ProcessLoadError.NotEnoughMemory);
        }
        int allocatedStart = allocation.get().start();
        int allocatedLen = allocation.get().size();
        if (fixedRam.isPresent() && allocatedStart != fixedRam.get()) {
            return Result.err(ProcessLoadError.memoryAddressMismatch(allocatedStart, fixedRam.get()));
        }
        int unusedStart = allocatedStart + allocatedLen;
        int unusedLength = (int) (Integer.toUnsignedLong(start) + Integer.toUnsignedLong(length)
                - Integer.toUnsignedLong(unusedStart));

        int initialAppBrk = allocatedStart + minProcessMemorySize;
        int kernelMemoryBreak = allocatedStart + allocatedLen;
        kernelMemoryBreak -= Integer.remainderUnsigned(kernelMemoryBreak, USIZE);
        kernelMemoryBreak -= grantPtrsOffset;
        int grantPointers = kernelMemoryBreak;
        kernel.memory().fill(grantPointers, grantPtrsOffset, (byte) 0);
        kernelMemoryBreak -= CALLBACKS_OFFSET;
        kernelMemoryBreak -= PROCESS_STRUCT_OFFSET;

        ProcessStandard process = new ProcessStandard(kernel, chip, header, appId, flashStart, flashLen,
                allocatedStart, allocatedLen, grantPointers, grantPtrsNum, faultPolicy, boundary, mpuConfig);
        process.processId = ProcessId.newExternal(kernel, kernel.createProcessIdentifier(), index,
                Capability.externalProcess());
        process.appBreak = initialAppBrk;
        process.kernelMemoryBreak = kernelMemoryBreak;
        process.allowHighWaterMark = allocatedStart;
        process.state = State.YIELDED;

        if (!boundary.initializeProcess(allocatedStart, initialAppBrk)) {
            return Result.err(ProcessLoadError.InternalError);
        }
        process.tasks.enqueue(process.initFunctionTask());
        return Result.ok(new Created(process, unusedStart, unusedLength));
    }

    private Task initFunctionTask() {
        int appStart = flashStart + header.appStartOffset();
        int initAddr = flashStart + header.initFunctionOffset();
        return new Task.FunctionCallTask(new FunctionCall(FunctionCallSource.KERNEL, appStart, memoryStart,
                memoryLen, appBreak, initAddr));
    }

    /**
     * Tock's {@code reset}: a new identifier, a fresh memory layout and the init function queued. If the MPU cannot
     * cover the process again or its architecture cannot initialise it, the process stays terminated (Tock's
     * callers drop reset's error code too).
     */
    private void reset() {
        int oldIndex = processId.rawIndex();
        processId = ProcessId.newExternal(kernel, kernel.createProcessIdentifier(), oldIndex,
                Capability.externalProcess());
        debug.reset();
        // The old code and grants went when the process terminated (discard, grantPtrsReset). A restarted
        // process also starts from zeroed RAM: neither its earlier life's data nor the kernel's old grants (saved
        // upcalls and allows) can be read back once its break grows over them. Tock leaves this to the process's
        // own runtime; here it is an isolation guarantee.
        memory.fill(memoryStart, memoryLen, (byte) 0);

        MpuConfig config = mpuConfig;
        chip.mpu().resetConfig(config);
        if (chip.mpu().allocateRegion(flashStart, flashLen, flashLen, Permissions.ReadExecuteOnly, config)
                .isEmpty()) {
            return;
        }
        int minProcessMemorySize = boundary.initialProcessAppBrkSize();
        int grantPtrsOffset = kernel.getGrantCountAndFinalize() * GRANT_POINTER_ENTRY_SIZE;
        int initialKernelMemorySize = grantPtrsOffset + CALLBACKS_OFFSET + PROCESS_STRUCT_OFFSET;
        var appMpuMem = chip.mpu().allocateAppMemoryRegion(memoryStart, memoryLen, memoryLen, minProcessMemorySize,
                initialKernelMemorySize, Permissions.ReadWriteOnly, config);
        if (appMpuMem.isEmpty()) {
            return;
        }
        int start = appMpuMem.get().start();
        int len = appMpuMem.get().size();
        appBreak = start + minProcessMemorySize;
        kernelMemoryBreak = start + len - initialKernelMemorySize;
        allowHighWaterMark = start;
        if (!boundary.initializeProcess(start, appBreak)) {
            return;
        }
        restartCount++;
        state = State.YIELDED;
        tasks.enqueue(initFunctionTask());
    }

    // ---------------------------------------------------------------- identity

    @Override
    public ProcessId processid() {
        return processId;
    }

    @Override
    public ShortId shortAppId() {
        return appId;
    }

    @Override
    public int getRestartCount() {
        return restartCount;
    }

    @Override
    public String getProcessName() {
        return header.packageName();
    }

    /** The TBF header this process was loaded from. */
    public TbfHeader header() {
        return header;
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public boolean hasTasks() {
        return tasks.hasElements();
    }

    @Override
    public int pendingTasks() {
        return tasks.len();
    }

    @Override
    public Result<Void, ErrorCode> enqueueTask(Task task) {
        // A process that is not alive cannot receive upcalls.
        if (!isRunning()) {
            return Result.err(ErrorCode.NODEVICE);
        }
        if (tasks.enqueue(task)) {
            return Result.ok();
        }
        // The queue is full: the upcall is dropped, and counted.
        debug.incrementDroppedUpcallCount();
        return Result.err(ErrorCode.NOMEM);
    }

    @Override
    public Optional<Task> dequeueTask() {
        return tasks.dequeue();
    }

    @Override
    public Optional<Task> removeUpcall(UpcallId upcallId) {
        return tasks.removeFirstMatching(task -> switch (task) {
            case Task.FunctionCallTask fc -> fc.functionCall().source() instanceof FunctionCallSource.Driver d
                    && d.upcallId().equals(upcallId);
            case Task.ReturnValue rv -> rv.arguments().upcallId().equals(upcallId);
            case Task.Ipc ipc -> false;
        });
    }

    @Override
    public int removePendingUpcalls(UpcallId upcallId) {
        int before = tasks.len();
        tasks.retain(task -> !(task instanceof Task.FunctionCallTask fc
                && fc.functionCall().source() instanceof FunctionCallSource.Driver d
                && d.upcallId().equals(upcallId)));
        int removed = before - tasks.len();
        if (kernel.config().traceSyscalls()) {
            kernel.config().debug().accept(String.format("[%s] remove_pending_upcalls[%#x:%d] = %d upcall(s) removed",
                    processId, upcallId.driverNum(), upcallId.subscribeNum(), removed));
        }
        return removed;
    }

    // ---------------------------------------------------------------- state

    @Override
    public State getState() {
        return state;
    }

    @Override
    public boolean ready() {
        return tasks.hasElements() || state instanceof State.Running;
    }

    @Override
    public boolean isRunning() {
        return state instanceof State.Running || state instanceof State.Yielded || state instanceof State.YieldedFor
                || state instanceof State.Stopped;
    }

    @Override
    public void setYieldedState() {
        if (state instanceof State.Running) {
            state = State.YIELDED;
        }
    }

    @Override
    public void setYieldedForState(UpcallId upcallId) {
        if (state instanceof State.Running) {
            state = new State.YieldedFor(upcallId);
        }
    }

    @Override
    public void stop() {
        if (state instanceof State.Running || state instanceof State.Yielded || state instanceof State.YieldedFor) {
            state = new State.Stopped(state);
        }
    }

    @Override
    public void resume() {
        if (state instanceof State.Stopped stopped) {
            state = stopped.previous();
        }
    }

    @Override
    public void setFaultState() {
        FaultAction action = faultPolicy.action(this);
        switch (action) {
            case Panic -> {
                state = State.FAULTED;
                throw new KernelPanic("Process " + getProcessName() + " had a fault");
            }
            case Restart -> tryRestart(Optional.empty());
            case Stop -> {
                terminate(Optional.empty());
                state = State.FAULTED;
            }
        }
    }

    @Override
    public void start(ProcessStartCapability capability) {
        if (!(state instanceof State.Terminated)) {
            return;
        }
        reset();
    }

    @Override
    public void tryRestart(Optional<Integer> completionCode) {
        if (state instanceof State.Terminated) {
            return;
        }
        terminate(completionCode);
        reset();
    }

    @Override
    public void terminate(Optional<Integer> completionCode) {
        if (!isRunning() && !(state instanceof State.Faulted)) {
            return;
        }
        tasks.empty();
        grantPtrsReset();
        this.completionCode = Optional.of(completionCode);
        state = State.TERMINATED;
        boundary.discard();
    }

    @Override
    public Optional<Optional<Integer>> getCompletionCode() {
        return completionCode;
    }

    // ---------------------------------------------------------------- memory

    @Override
    public Result<Integer, ProcessError> brk(int newBreak) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        if (Integer.compareUnsigned(newBreak, allowHighWaterMark) < 0
                || Integer.compareUnsigned(newBreak, memEnd()) >= 0) {
            return Result.err(ProcessError.AddressOutOfBounds);
        }
        if (Integer.compareUnsigned(newBreak, kernelMemoryBreak) > 0) {
            return Result.err(ProcessError.OutOfMemory);
        }
        if (!chip.mpu().updateAppMemoryRegion(newBreak, kernelMemoryBreak, Permissions.ReadWriteOnly, mpuConfig)) {
            return Result.err(ProcessError.OutOfMemory);
        }
        int oldBreak = appBreak;
        appBreak = newBreak;
        // Memory handed to the app reads as zero: nothing the kernel or an earlier life left there leaks.
        // (Both breaks lie in this process's RAM, so the difference fits; shrinking zeroes nothing.)
        memory.fill(oldBreak, Math.max(0, newBreak - oldBreak), (byte) 0);
        chip.mpu().configureMpu(mpuConfig);
        return Result.ok(oldBreak);
    }

    @Override
    public Result<Integer, ProcessError> sbrk(int increment) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        return brk(appBreak + increment);
    }

    @Override
    public int numberWriteableFlashRegions() {
        return header.writeableFlashRegions().size();
    }

    @Override
    public int[] getWriteableFlashRegion(int index) {
        if (index < 0 || index >= header.writeableFlashRegions().size()) {
            return new int[] {0, 0};
        }
        TbfHeader.WriteableFlashRegion r = header.writeableFlashRegions().get(index);
        return new int[] {r.offset(), r.size()};
    }

    @Override
    public void updateStackStartPointer(int stackPointer) {
        if (inRange(stackPointer, memoryStart, memEnd())) {
            debug.setAppStackStartPointer(stackPointer);
            debug.setAppStackMinPointer(stackPointer);
        }
    }

    @Override
    public void updateHeapStartPointer(int heapPointer) {
        if (inRange(heapPointer, memoryStart, memEnd())) {
            debug.setAppHeapStartPointer(heapPointer);
        }
    }

    @Override
    public Result<ReadWriteProcessBuffer, ErrorCode> buildReadwriteProcessBuffer(int bufStartAddr, int size) {
        if (!isRunning()) {
            return Result.err(ErrorCode.FAIL);
        }
        if (size == 0) {
            // Zero-length buffers are always valid, wherever they point.
            return Result.ok(ReadWriteProcessBuffer.newExternal(bufStartAddr, 0, processId,
                    Capability.externalProcess()));
        }
        if (inAppOwnedMemory(bufStartAddr, size)) {
            raiseAllowHighWaterMark(bufStartAddr + size);
            return Result.ok(ReadWriteProcessBuffer.newExternal(bufStartAddr, size, processId,
                    Capability.externalProcess()));
        }
        return Result.err(ErrorCode.INVAL);
    }

    @Override
    public Result<ReadOnlyProcessBuffer, ErrorCode> buildReadonlyProcessBuffer(int bufStartAddr, int size) {
        if (!isRunning()) {
            return Result.err(ErrorCode.FAIL);
        }
        if (size == 0) {
            return Result.ok(ReadOnlyProcessBuffer.newExternal(bufStartAddr, 0, processId,
                    Capability.externalProcess()));
        }
        boolean inRam = inAppOwnedMemory(bufStartAddr, size);
        if (inRam || inAppFlashMemory(bufStartAddr, size)) {
            if (inRam) {
                raiseAllowHighWaterMark(bufStartAddr + size);
            }
            return Result.ok(ReadOnlyProcessBuffer.newExternal(bufStartAddr, size, processId,
                    Capability.externalProcess()));
        }
        return Result.err(ErrorCode.INVAL);
    }

    private void raiseAllowHighWaterMark(int bufEndAddr) {
        allowHighWaterMark = (int) Math.max(Integer.toUnsignedLong(bufEndAddr),
                Integer.toUnsignedLong(allowHighWaterMark));
    }

    @Override
    public boolean setByte(int address, byte value) {
        if (inAppOwnedMemory(address, 1)) {
            memory.write8(address, value);
            return true;
        }
        return false;
    }

    @Override
    public CommandPermissions getCommandPermissions(int driverNum, int offset) {
        return header.commandPermissions(driverNum, offset);
    }

    // ---------------------------------------------------------------- MPU

    @Override
    public void setupMpu() {
        chip.mpu().configureMpu(mpuConfig);
    }

    @Override
    public Optional<Region> addMpuRegion(int unallocatedMemoryStart, int unallocatedMemorySize, int minRegionSize) {
        Optional<Region> newRegion = chip.mpu().allocateRegion(unallocatedMemoryStart, unallocatedMemorySize,
                minRegionSize, Permissions.ReadWriteOnly, mpuConfig);
        if (newRegion.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < mpuRegions.length; i++) {
            if (mpuRegions[i] == null) {
                mpuRegions[i] = newRegion.get();
                return newRegion;
            }
        }
        return Optional.empty();
    }

    @Override
    public Result<Void, ErrorCode> removeMpuRegion(Region region) {
        for (int i = 0; i < mpuRegions.length; i++) {
            if (region.equals(mpuRegions[i])) {
                if (!chip.mpu().removeMemoryRegion(region, mpuConfig)) {
                    return Result.err(ErrorCode.FAIL);
                }
                mpuRegions[i] = null;
                return Result.ok();
            }
        }
        return Result.err(ErrorCode.INVAL);
    }

    // ---------------------------------------------------------------- grants

    private int grantEntryAddress(int grantNum) {
        return grantPointers + grantNum * GRANT_POINTER_ENTRY_SIZE;
    }

    private int grantPtr(int grantNum) {
        return memory.read32(grantEntryAddress(grantNum) + 4);
    }

    @Override
    public Optional<Boolean> grantIsAllocated(int grantNum) {
        if (!isRunning()) {
            return Optional.empty();
        }
        if (grantNum < 0 || grantNum >= grantPointersCount) {
            return Optional.empty();
        }
        return Optional.of(grantPtr(grantNum) != 0);
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(int grantNum, int driverNum, int size, int align) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        // Tock checks the kernel's grant count; the table was sized by it when grants were final, so the two agree.
        if (grantNum < 0 || grantNum >= grantPointersCount) {
            return Result.err(ProcessError.AddressOutOfBounds);
        }
        if (grantPtr(grantNum) != 0) {
            return Result.err(ProcessError.AlreadyInUse);
        }
        // A driver may only have one grant allocated per process.
        for (int i = 0; i < grantPointersCount; i++) {
            if (grantPtr(i) != 0 && memory.read32(grantEntryAddress(i)) == driverNum) {
                return Result.err(ProcessError.AlreadyInUse);
            }
        }
        OptionalInt ptr = allocateInGrantRegionInternal(size, align);
        if (ptr.isEmpty()) {
            return Result.err(ProcessError.OutOfMemory);
        }
        memory.write32(grantEntryAddress(grantNum), driverNum);
        memory.write32(grantEntryAddress(grantNum) + 4, ptr.getAsInt());
        return Result.ok();
    }

    @Override
    public Result<CustomGrantAllocation, ProcessError> allocateCustomGrant(int size, int align) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        OptionalInt ptr = allocateInGrantRegionInternal(size, align);
        if (ptr.isEmpty()) {
            return Result.err(ProcessError.OutOfMemory);
        }
        ProcessCustomGrantIdentifier identifier = new ProcessCustomGrantIdentifier(memEnd() - ptr.getAsInt());
        return Result.ok(new CustomGrantAllocation(identifier, ptr.getAsInt()));
    }

    @Override
    public Result<Integer, ProcessError> enterGrant(int grantNum) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        if (grantNum < 0 || grantNum >= grantPointersCount) {
            return Result.err(ProcessError.AddressOutOfBounds);
        }
        int ptr = grantPtr(grantNum);
        if ((ptr & 0x1) == 0x1) {
            return Result.err(ProcessError.AlreadyInUse);
        }
        memory.write32(grantEntryAddress(grantNum) + 4, ptr | 0x1);
        return Result.ok(ptr);
    }

    @Override
    public Result<Integer, ProcessError> enterCustomGrant(ProcessCustomGrantIdentifier identifier) {
        if (!isRunning()) {
            return Result.err(ProcessError.InactiveApp);
        }
        return Result.ok(memEnd() - identifier.offset());
    }

    @Override
    public void leaveGrant(int grantNum) {
        if (!isRunning()) {
            return;
        }
        if (grantNum >= 0 && grantNum < grantPointersCount) {
            memory.write32(grantEntryAddress(grantNum) + 4, grantPtr(grantNum) & ~0x1);
        }
    }

    @Override
    public OptionalInt grantAllocatedCount() {
        if (!isRunning()) {
            return OptionalInt.empty();
        }
        int count = 0;
        for (int i = 0; i < grantPointersCount; i++) {
            if (grantPtr(i) != 0) {
                count++;
            }
        }
        return OptionalInt.of(count);
    }

    @Override
    public Result<Integer, ProcessError> lookupGrantFromDriverNum(int driverNum) {
        for (int i = 0; i < grantPointersCount; i++) {
            if (grantPtr(i) != 0 && memory.read32(grantEntryAddress(i)) == driverNum) {
                return Result.ok(i);
            }
        }
        return Result.err(ProcessError.OutOfMemory);
    }

    @Override
    public Optional<Object> grantData(int grantNum) {
        return grantNum >= 0 && grantNum < grantData.length ? Optional.ofNullable(grantData[grantNum])
                : Optional.empty();
    }

    @Override
    public void setGrantData(int grantNum, Object data) {
        grantData[grantNum] = data;
    }

    @Override
    public Optional<Object> customGrantData(ProcessCustomGrantIdentifier identifier) {
        return Optional.ofNullable(customGrantData.get(identifier.offset()));
    }

    @Override
    public void setCustomGrantData(ProcessCustomGrantIdentifier identifier, Object data) {
        customGrantData.put(identifier.offset(), data);
    }

    private void grantPtrsReset() {
        memory.fill(grantPointers, grantPointersCount * GRANT_POINTER_ENTRY_SIZE, (byte) 0);
        java.util.Arrays.fill(grantData, null);
        customGrantData.clear();
    }

    /** Carves {@code size} bytes aligned to {@code align} (at least 2) below the kernel memory break. */
    private OptionalInt allocateInGrantRegionInternal(int size, int align) {
        // In 64 bits nothing wraps: a size beyond the kernel break gives a negative break, below the app break
        // like any other that does not fit (Tock's wrapping subtraction needs a second check for that).
        long alignment = Math.max(align, 2);
        long newBreakLong = (Integer.toUnsignedLong(kernelMemoryBreak) - Integer.toUnsignedLong(size)) & -alignment;
        if (newBreakLong < Integer.toUnsignedLong(appBreak)) {
            return OptionalInt.empty();
        }
        int newBreak = (int) newBreakLong;
        if (!chip.mpu().updateAppMemoryRegion(appBreak, newBreak, Permissions.ReadWriteOnly, mpuConfig)) {
            return OptionalInt.empty();
        }
        kernelMemoryBreak = newBreak;
        return OptionalInt.of(newBreak);
    }

    @Override
    public boolean isValidUpcallFunctionPointer(int upcallFn) {
        return inAppFlashMemory(upcallFn, USIZE) || inAppOwnedMemory(upcallFn, USIZE);
    }

    // ---------------------------------------------------------------- switching

    @Override
    public void setSyscallReturnValue(SyscallReturn returnValue) {
        if (boundary.setSyscallReturnValue(memoryStart, appBreak, returnValue)) {
            state = State.RUNNING;
        } else {
            setFaultState();
        }
    }

    @Override
    public void setProcessFunction(FunctionCall callback) {
        if (boundary.setProcessFunction(memoryStart, appBreak, callback)) {
            state = State.RUNNING;
        } else {
            setFaultState();
        }
    }

    @Override
    public Optional<ContextSwitchReason> switchTo() {
        if (!isRunning()) {
            return Optional.empty();
        }
        UserspaceKernelBoundary.Switched switched = boundary.switchToProcess(memoryStart, appBreak);
        switched.stackPointer().ifPresent(debug::setNewAppStackMinPointer);
        return Optional.of(switched.reason());
    }

    // ---------------------------------------------------------------- introspection

    @Override
    public ProcessAddresses getAddresses() {
        return new ProcessAddresses(flashStart, flashNonProtectedStart(), flashStart + header.binaryEnd(),
                flashEnd(), memoryStart, appBreak, kernelMemoryBreak, memEnd(), debug.appHeapStartPointer(),
                debug.appStackStartPointer(), debug.appStackMinPointer());
    }

    @Override
    public ProcessSizes getSizes() {
        return new ProcessSizes(GRANT_POINTER_ENTRY_SIZE * kernel.getGrantCountAndFinalize(), CALLBACKS_OFFSET,
                PROCESS_STRUCT_OFFSET);
    }

    /** The grant pointer table's address (the top of the process's memory). */
    public int grantPointerTableAddress() {
        return grantPointers;
    }

    /** The MPU configuration, as the MPU prints it. */
    public String mpuConfigDescription() {
        return mpuConfig.toString();
    }

    @Override
    public String printFullProcess() {
        return ProcessPrinter.printFull(this, kernel, memory, boundary.printContext(memoryStart, appBreak));
    }

    @Override
    public int debugSyscallCount() {
        return debug.syscallCount();
    }

    @Override
    public int debugDroppedUpcallCount() {
        return debug.droppedUpcallCount();
    }

    @Override
    public int debugTimesliceExpirationCount() {
        return debug.timesliceExpirationCount();
    }

    @Override
    public void debugTimesliceExpired() {
        debug.incrementTimesliceExpirationCount();
    }

    @Override
    public void debugSyscallCalled(Syscall lastSyscall) {
        debug.syscallCalled(lastSyscall);
    }

    @Override
    public Optional<Syscall> debugSyscallLast() {
        return debug.lastSyscall();
    }

    // ---------------------------------------------------------------- bounds

    private int memEnd() {
        return memoryStart + memoryLen;
    }

    private int flashEnd() {
        return flashStart + flashLen;
    }

    private int flashNonProtectedStart() {
        return flashStart + header.protectedSize();
    }

    /** {@code [start, start + size)} lies in app memory: from the memory start up to the app break. */
    boolean inAppOwnedMemory(int bufStartAddr, int size) {
        long start = Integer.toUnsignedLong(bufStartAddr);
        // In 64 bits the end cannot wrap: a buffer that wraps the 32-bit address space (Tock's
        // `buf_end_addr >= buf_start_addr`) ends past the break.
        long end = start + Integer.toUnsignedLong(size);
        return start >= Integer.toUnsignedLong(memoryStart) && end <= Integer.toUnsignedLong(appBreak);
    }

    /** {@code [start, start + size)} lies in the app's own flash (after its header). */
    boolean inAppFlashMemory(int bufStartAddr, int size) {
        long start = Integer.toUnsignedLong(bufStartAddr);
        long end = start + Integer.toUnsignedLong(size);
        return start >= Integer.toUnsignedLong(flashNonProtectedStart()) && end <= Integer.toUnsignedLong(flashEnd());
    }

    private static boolean inRange(int address, int start, int end) {
        return Integer.compareUnsigned(address, start) >= 0 && Integer.compareUnsigned(address, end) < 0;
    }
}
