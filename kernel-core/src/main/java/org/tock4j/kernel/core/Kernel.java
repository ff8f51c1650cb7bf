package org.tock4j.kernel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ExternalProcessCapability;
import org.tock4j.kernel.capabilities.MainLoopCapability;
import org.tock4j.kernel.capabilities.MemoryAllocationCapability;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.core.grant.GrantImpl;
import org.tock4j.kernel.core.grant.KernelGrants;
import org.tock4j.kernel.core.memop.Memop;
import org.tock4j.kernel.core.upcall.Upcall;
import org.tock4j.kernel.deferred.DeferredCalls;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.KernelResources;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.scheduler.Scheduler;
import org.tock4j.kernel.scheduler.SchedulingDecision;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.syscall.YieldCall;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * The kernel: the table of processes, grant creation, the main loop and system call handling.
 *
 * <pre>
 *   kernelLoop ──► kernelLoopOperation ──┬─ kernel work (interrupts, deferred calls)
 *                                        ├─ doProcess(p, timeslice) ── switchTo ◄──► handleSyscall
 *                                        └─ sleep (the virtual clock jumps to the next event)
 * </pre>
 *
 * <p>One CPU: at any instant either the kernel or one process runs. A process's own thread may run the
 * system-call path itself while it holds the CPU (see {@link ProcessExecution}); the code and checks are the
 * same as this class's loop.
 *
 * <p>Tock counterpart: {@code kernel::kernel::Kernel} ({@code kernel/src/kernel.rs}).
 */
public final class Kernel implements Processes {

    /**
     * A process whose remaining timeslice is below this many microseconds is not run again.
     *
     * <p>Tock counterpart: {@code MIN_QUANTA_THRESHOLD_US}.
     */
    public static final int MIN_QUANTA_THRESHOLD_US = 500;

    /**
     * CPU cycles a {@code do_process} pass costs when it never switches to the process (a process waiting in
     * yield-wait-for while other upcalls are queued, a stopped process with tasks, a timeslice already below the
     * minimum quantum). Tock spins through such passes, and on hardware each takes time, so the interrupt that
     * ends the spin comes; the kernel's own code costs no virtual time here otherwise, so without this charge
     * the spin would freeze the board's clock.
     *
     * <p>Tock counterpart: none (the time the kernel's own instructions take).
     */
    public static final long IDLE_PASS_CYCLES = 200;

    private final Process[] processes;
    private final PhysicalMemory memory;
    private final DeferredCalls deferredCalls;
    private final KernelConfig config;
    private int processIdentifierMax;
    private int grantCounter;
    private boolean grantsFinalized;
    private final List<Integer> grantDriverNumbers = new ArrayList<>();
    /** The doProcess in progress, which a process's own thread may continue (Tock has none: one stack). */
    private ProcessExecution currentExecution;
    private IpcUpcalls ipc;
    private SyscallInterceptor interceptor = SyscallInterceptor.NONE;
    private final CpuToken cpu = new CpuToken();

    /**
     * A kernel with {@code numProcesses} process slots (Tock's {@code PROCESSES} array, {@code NUM_PROCS}).
     *
     * @param memory the chip's memory, where processes and their grants live
     * @param deferredCalls the board's deferred calls, which the loop services
     */
    public Kernel(int numProcesses, PhysicalMemory memory, DeferredCalls deferredCalls, KernelConfig config) {
        this.processes = new Process[numProcesses];
        this.memory = memory;
        this.deferredCalls = deferredCalls;
        this.config = config;
    }

    public KernelConfig config() {
        return config;
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    /** The board's one CPU, passed between the kernel's thread and the processes' threads. */
    public CpuToken cpu() {
        return cpu;
    }

    public DeferredCalls deferredCalls() {
        return deferredCalls;
    }

    /** The number of process slots. */
    public int processSlots() {
        return processes.length;
    }

    /** Puts {@code process} in slot {@code index}; process loading does this once per process. */
    public void setProcess(int index, Process process, ExternalProcessCapability capability) {
        requireCapability(capability);
        processes[index] = process;
    }

    // ---------------------------------------------------------------- process table

    @Override
    public Optional<Process> getProcess(ProcessId processId) {
        int index = processId.rawIndex();
        if (index < 0 || index >= processes.length) {
            return Optional.empty();
        }
        Process process = processes[index];
        if (process != null && process.processid().equals(processId)) {
            return Optional.of(process);
        }
        return Optional.empty();
    }

    @Override
    public boolean processidIsValid(ProcessId processId) {
        int index = processId.rawIndex();
        return index >= 0 && index < processes.length && processes[index] != null
                && processes[index].processid().id() == processId.id();
    }

    /** One supplier per process slot, giving the process in it (or null): what schedulers keep a list of. */
    public List<java.util.function.Supplier<Process>> processSlotSuppliers() {
        List<java.util.function.Supplier<Process>> slots = new ArrayList<>(processes.length);
        for (int i = 0; i < processes.length; i++) {
            int index = i;
            slots.add(() -> processes[index]);
        }
        return slots;
    }

    /** Runs {@code closure} on the process if it exists (Tock's {@code process_map_or}). */
    public <R> R processMapOr(R fallback, ProcessId processId, Function<Process, R> closure) {
        Optional<Process> process = getProcess(processId);
        return process.isPresent() ? closure.apply(process.get()) : fallback;
    }

    /** Every loaded process, in slot order (Tock's {@code get_process_iter}). */
    public List<Process> getProcessIter() {
        List<Process> live = new ArrayList<>(processes.length);
        for (Process p : processes) {
            if (p != null) {
                live.add(p);
            }
        }
        return live;
    }

    /** {@link #getProcessIter()} for board code that manages processes. */
    @Override
    public List<Process> processEachCapability(ProcessManagementCapability capability) {
        requireCapability(capability);
        return getProcessIter();
    }

    /** Runs {@code closure} on a process, with the capability that outside code needs. */
    public <R> R processMapOrExternal(R fallback, ProcessId processId, Function<Process, R> closure,
            ProcessManagementCapability capability) {
        requireCapability(capability);
        return processMapOr(fallback, processId, closure);
    }

    // ---------------------------------------------------------------- grants

    /**
     * Creates a grant for {@code driverNum}. Grants must all exist before the first process is created;
     * afterwards this panics ("Grants finalized. Cannot create a new grant.").
     */
    public <T> Grant<T> createGrant(int driverNum, GrantType<T> type, UpcallCount upcalls, AllowRoCount allowRo,
            AllowRwCount allowRw, MemoryAllocationCapability capability) {
        requireCapability(capability);
        if (grantsFinalized) {
            throw new KernelPanic("Grants finalized. Cannot create a new grant.");
        }
        int grantIndex = grantCounter;
        grantCounter++;
        grantDriverNumbers.add(driverNum);
        return new GrantImpl<>(this, driverNum, grantIndex, type, upcalls, allowRo, allowRw);
    }

    /** The number of grants, marking them final: processes size their grant pointer tables by it. */
    @Override
    public int getGrantCountAndFinalize() {
        grantsFinalized = true;
        return grantCounter;
    }

    public int getGrantCountAndFinalizeExternal(ExternalProcessCapability capability) {
        requireCapability(capability);
        return getGrantCountAndFinalize();
    }

    /** Whether grants can no longer be created. */
    public boolean grantsFinalized() {
        return grantsFinalized;
    }

    /** The driver number of each grant, by grant number (for memory dumps). */
    public List<Integer> grantDriverNumbers() {
        return List.copyOf(grantDriverNumbers);
    }

    /** A new, never used process identifier. */
    public int createProcessIdentifier() {
        return processIdentifierMax++;
    }

    public int createProcessIdentifierExternal(ExternalProcessCapability capability) {
        requireCapability(capability);
        return createProcessIdentifier();
    }

    /** Faults every process, as if each had crashed. */
    public void hardfaultAllApps(ProcessManagementCapability capability) {
        requireCapability(capability);
        for (Process p : processes) {
            if (p != null) {
                p.setFaultState();
            }
        }
    }

    // ---------------------------------------------------------------- the loop

    /**
     * One iteration of the main loop: kernel work if the scheduler wants it, else the process it picks, else
     * sleep unless an interrupt or deferred call is pending.
     *
     * @param noSleep never sleep the chip (for tests that generate no interrupts)
     */
    public void kernelLoopOperation(KernelResources resources, Chip chip, boolean noSleep,
            MainLoopCapability capability) {
        requireCapability(capability);
        Scheduler scheduler = resources.scheduler();
        resources.watchdog().tickle();
        if (scheduler.doKernelWorkNow(chip, deferredCalls)) {
            scheduler.executeKernelWork(chip, deferredCalls);
            return;
        }
        switch (scheduler.next()) {
            case SchedulingDecision.RunProcess run -> {
                Optional<Process> process = getProcess(run.processId());
                if (process.isPresent()) {
                    ProcessExecution.Outcome outcome = doProcess(resources, chip, process.get(), run.timesliceUs());
                    scheduler.result(outcome.reason(), outcome.timeExecutedUs());
                }
            }
            case SchedulingDecision.TrySleep sleep -> {
                if (!noSleep) {
                    chip.atomic(() -> {
                        // An interrupt that arrived after the scheduler chose to sleep must not be slept through.
                        if (!chip.hasPendingInterrupts() && !deferredCalls.hasTasks()) {
                            resources.watchdog().suspend();
                            chip.sleep();
                            resources.watchdog().resume();
                        }
                    });
                }
            }
        }
    }

    /** What {@code kernel_loop} does before its first iteration: watchdog setup and the deferred-call check. */
    public void kernelLoopSetup(KernelResources resources, MainLoopCapability capability) {
        requireCapability(capability);
        resources.watchdog().setup();
        deferredCalls.verifySetup();
    }

    /** Tock's {@code kernel_loop}: runs forever (until the thread is interrupted, which Tock cannot do). */
    public void kernelLoop(KernelResources resources, Chip chip, MainLoopCapability capability) {
        kernelLoopSetup(resources, capability);
        while (!Thread.currentThread().isInterrupted()) {
            kernelLoopOperation(resources, chip, false, capability);
        }
    }

    /**
     * Runs {@code process} until it has no work left, is preempted, or its timeslice ends. System calls are
     * handled here, charged to the process.
     */
    ProcessExecution.Outcome doProcess(KernelResources resources, Chip chip, Process process,
            OptionalInt timesliceUs) {
        ProcessExecution execution = new ProcessExecution(this, resources, chip, process, timesliceUs);
        ProcessExecution previous = currentExecution;
        currentExecution = execution;
        try {
            return execution.run();
        } finally {
            currentExecution = previous;
        }
    }

    /** Lets IPC tasks reach the IPC capsule; without it an IPC task is a kernel consistency error. */
    public void setIpc(IpcUpcalls ipc) {
        this.ipc = ipc;
    }

    void scheduleIpcUpcall(Process process, Task.Ipc task) {
        if (ipc == null) {
            throw new KernelPanic("Kernel consistency error: IPC Task with no IPC");
        }
        ipc.scheduleUpcall(process.processid(), task.otherApp(), task.type());
    }

    /** The {@code doProcess} in progress, if any: a process thread continues it on the fast path. */
    public Optional<ProcessExecution> currentExecution() {
        return Optional.ofNullable(currentExecution);
    }

    // ---------------------------------------------------------------- system calls

    /**
     * Handles one system call of {@code process}: filtering, then yield, memop, exit here and the rest through
     * the driver it names. The result is set as the process's return value.
     */
    void handleSyscall(KernelResources resources, Process process, Syscall syscall) {
        process.debugSyscallCalled(syscall);
        ProcessId caller = process.processid();
        Optional<SyscallReturn> result = switch (interceptor.intercept(process, syscall)) {
            case SyscallInterceptor.Interception.Proceed proceed -> dispatchSyscall(resources, process, syscall);
            case SyscallInterceptor.Interception.Answer answer -> {
                process.setSyscallReturnValue(answer.value());
                yield Optional.of(answer.value());
            }
            case SyscallInterceptor.Interception.Fault fault -> {
                process.setFaultState();
                yield Optional.empty();
            }
        };
        config.observer().syscall(caller, process, syscall, result);
    }

    /** Puts a test hook in front of system call handling (see {@link SyscallInterceptor}). */
    public void setSyscallInterceptor(SyscallInterceptor interceptor) {
        this.interceptor = interceptor == null ? SyscallInterceptor.NONE : interceptor;
    }

    /** The body of {@link #handleSyscall}; returns the value it set for the process, if any. */
    private Optional<SyscallReturn> dispatchSyscall(KernelResources resources, Process process, Syscall syscall) {
        switch (syscall) {
            case Syscall.Yield y -> { } // Yield is not filterable.
            case Syscall.Exit e -> { } // Exit is not filterable.
            case Syscall.Memop m -> { } // Memop is not filterable.
            default -> {
                Result<Void, ErrorCode> filtered = resources.syscallFilter().filterSyscall(process, syscall);
                if (filtered.isErr()) {
                    SyscallReturn rejected = new SyscallReturn.Failure(filtered.unwrapErr());
                    process.setSyscallReturnValue(rejected);
                    if (tracing()) {
                        trace("[%s] Filtered: %s was rejected with %s", process.processid(), syscall,
                                filtered.unwrapErr());
                    }
                    return Optional.of(rejected);
                }
            }
        }

        SyscallReturn rval = switch (syscall) {
            case Syscall.Memop m -> {
                SyscallReturn memop = Memop.memop(process, m.operand(), m.arg0());
                if (tracing()) {
                    trace("[%s] memop(%d, %#x) = %s", process.processid(), m.operand(), m.arg0(), memop);
                }
                yield memop;
            }
            case Syscall.Yield y -> {
                handleYield(process, y);
                yield null;
            }
            case Syscall.Exit e -> handleExit(process, e).orElse(null);
            default -> {
                int driverNumber = syscall.driverNumberIfAny().orElseThrow();
                Optional<SyscallDriver> driver = resources.syscallDriverLookup().withDriver(driverNumber);
                yield switch (syscall) {
                    case Syscall.Subscribe s -> subscribe(process, s, driver);
                    case Syscall.Command c -> command(process, c, driver);
                    case Syscall.ReadWriteAllow a -> allowReadWrite(process, a, driver);
                    case Syscall.UserspaceReadableAllow a -> allowUserspaceReadable(process, a, driver);
                    case Syscall.ReadOnlyAllow a -> allowReadOnly(process, a, driver);
                    default -> throw new KernelPanic("Kernel system call handling invariant violated!");
                };
            }
        };
        if (rval != null && !(syscall instanceof Syscall.Exit)) {
            process.setSyscallReturnValue(rval);
        }
        return Optional.ofNullable(rval);
    }

    private void handleYield(Process process, Syscall.Yield y) {
        if (tracing()) {
            trace("[%s] yield. which: %d", process.processid(), y.which());
        }
        Optional<YieldCall> which = YieldCall.tryFrom(y.which());
        if (which.isEmpty()) {
            // Only 0, 1 and 2 are valid. Yield has no return value because it can push a function call onto
            // the stack; control simply returns to the process.
            return;
        }
        switch (which.get()) {
            case NoWait -> {
                boolean hasTasks = process.hasTasks();
                // Tell the process whether upcalls are pending; an invalid address does nothing.
                process.setByte(y.paramA(), (byte) (hasTasks ? 1 : 0));
                if (hasTasks) {
                    process.setYieldedState();
                }
            }
            case Wait -> process.setYieldedState();
            case WaitFor -> process.setYieldedForState(new UpcallId(y.paramA(), y.paramB()));
        }
    }

    /** Exits the process; returns the failure set for an invalid variant. */
    private Optional<SyscallReturn> handleExit(Process process, Syscall.Exit e) {
        ProcessId oldProcessId = process.processid();
        SyscallReturn returned = null;
        switch (e.which()) {
            case 0 -> process.terminate(Optional.of(e.completionCode()));
            case 1 -> process.tryRestart(Optional.of(e.completionCode()));
            default -> {
                returned = new SyscallReturn.Failure(ErrorCode.NOSUPPORT);
                process.setSyscallReturnValue(returned);
            }
        }
        if (tracing()) {
            trace("[%s] exit(which: %d, completion_code: %d) = %s", oldProcessId, e.which(), e.completionCode(),
                    returned == null ? "None" : "Some(" + returned + ")");
        }
        return Optional.ofNullable(returned);
    }

    private CommandReturn commandResult(Process process, Syscall.Command c, Optional<SyscallDriver> driver) {
        if (driver.isEmpty()) {
            return CommandReturn.failure(ErrorCode.NODEVICE);
        }
        return driver.get().command(c.subdriverNumber(), c.arg0(), c.arg1(), process.processid());
    }

    private SyscallReturn command(Process process, Syscall.Command c, Optional<SyscallDriver> driver) {
        SyscallReturn res = commandResult(process, c, driver).intoInner();
        if (tracing()) {
            trace("[%s] cmd(%#x, %d, %#x, %#x) = %s", process.processid(), c.driverNumber(), c.subdriverNumber(),
                    c.arg0(), c.arg1(), res);
        }
        return res;
    }

    private SyscallReturn subscribe(Process process, Syscall.Subscribe s, Optional<SyscallDriver> driver) {
        UpcallId upcallId = new UpcallId(s.driverNumber(), s.subdriverNumber());
        Upcall upcall = new Upcall(process.processid(), upcallId, s.appdata(), s.upcallPtr());
        SyscallReturn rval;
        // A non-null upcall must point into the process's executable memory (TRD104: INVALID otherwise).
        if (s.upcallPtr() != 0 && !process.isValidUpcallFunctionPointer(s.upcallPtr())) {
            rval = upcall.intoSubscribeFailure(ErrorCode.INVAL);
        } else if (driver.isEmpty()) {
            rval = upcall.intoSubscribeFailure(ErrorCode.NODEVICE);
        } else {
            var swapped = KernelGrants.subscribe(process, upcall, memory);
            if (swapped.isOk()) {
                rval = swapped.unwrap().intoSubscribeSuccess();
            } else if (swapped.unwrapErr().error() == ErrorCode.NOMEM) {
                // Maybe the first use of this driver: ask it to allocate its grant, then try again.
                AllocResult alloc = tryAllocateGrant(driver.get(), process);
                if (alloc == AllocResult.NewAllocation) {
                    var retried = KernelGrants.subscribe(process, upcall, memory);
                    rval = retried.isOk()
                            ? retried.unwrap().intoSubscribeSuccess()
                            : retried.unwrapErr().value().intoSubscribeFailure(retried.unwrapErr().error());
                } else {
                    traceAllocFailure(process, s.driverNumber(), alloc);
                    rval = upcall.intoSubscribeFailure(ErrorCode.NOMEM);
                }
            } else {
                rval = swapped.unwrapErr().value().intoSubscribeFailure(swapped.unwrapErr().error());
            }
        }
        // TRD104: pending upcalls are cleared only when the subscribe succeeds, so that no upcall with the old
        // function pointer is delivered.
        if (rval.isSuccess()) {
            process.removePendingUpcalls(upcallId);
        }
        if (tracing()) {
            trace("[%s] subscribe(%#x, %d, @%#x, %#x) = %s", process.processid(), s.driverNumber(),
                    s.subdriverNumber(), s.upcallPtr(), s.appdata(), rval);
        }
        return rval;
    }

    private SyscallReturn allowReadWrite(Process process, Syscall.ReadWriteAllow a, Optional<SyscallDriver> driver) {
        SyscallReturn res;
        if (driver.isEmpty()) {
            res = new SyscallReturn.AllowReadWriteFailure(ErrorCode.NODEVICE, a.allowAddress(), a.allowSize());
        } else {
            Result<ReadWriteProcessBuffer, ErrorCode> built =
                    process.buildReadwriteProcessBuffer(a.allowAddress(), a.allowSize());
            if (built.isErr()) {
                res = new SyscallReturn.AllowReadWriteFailure(built.unwrapErr(), a.allowAddress(), a.allowSize());
            } else {
                var swapped = KernelGrants.allowRw(process, a.driverNumber(), a.subdriverNumber(), built.unwrap(),
                        memory);
                if (swapped.isErr() && swapped.unwrapErr().error() == ErrorCode.NOMEM) {
                    AllocResult alloc = tryAllocateGrant(driver.get(), process);
                    if (alloc == AllocResult.NewAllocation) {
                        swapped = KernelGrants.allowRw(process, a.driverNumber(), a.subdriverNumber(),
                                swapped.unwrapErr().value(), memory);
                    } else {
                        traceAllocFailure(process, a.driverNumber(), alloc);
                    }
                }
                res = swapped.isOk()
                        ? new SyscallReturn.AllowReadWriteSuccess(swapped.unwrap().rawPtr(), swapped.unwrap().rawLen())
                        : new SyscallReturn.AllowReadWriteFailure(swapped.unwrapErr().error(),
                                swapped.unwrapErr().value().rawPtr(), swapped.unwrapErr().value().rawLen());
            }
        }
        if (tracing()) {
            trace("[%s] read-write allow(%#x, %d, @%#x, %d) = %s", process.processid(), a.driverNumber(),
                    a.subdriverNumber(), a.allowAddress(), a.allowSize(), res);
        }
        return res;
    }

    private SyscallReturn allowUserspaceReadable(Process process, Syscall.UserspaceReadableAllow a,
            Optional<SyscallDriver> driver) {
        SyscallReturn res;
        if (driver.isEmpty()) {
            res = new SyscallReturn.UserspaceReadableAllowFailure(ErrorCode.NODEVICE, a.allowAddress(),
                    a.allowSize());
        } else {
            Result<ReadWriteProcessBuffer, ErrorCode> built =
                    process.buildReadwriteProcessBuffer(a.allowAddress(), a.allowSize());
            if (built.isErr()) {
                res = new SyscallReturn.UserspaceReadableAllowFailure(built.unwrapErr(), a.allowAddress(),
                        a.allowSize());
            } else {
                var accepted = driver.get().allowUserspaceReadable(process.processid(), a.subdriverNumber(),
                        built.unwrap());
                res = accepted.isOk()
                        ? new SyscallReturn.UserspaceReadableAllowSuccess(accepted.unwrap().rawPtr(),
                                accepted.unwrap().rawLen())
                        : new SyscallReturn.UserspaceReadableAllowFailure(accepted.unwrapErr().error(),
                                accepted.unwrapErr().buffer().rawPtr(), accepted.unwrapErr().buffer().rawLen());
            }
        }
        if (tracing()) {
            trace("[%s] userspace readable allow(%#x, %d, @%#x, %d) = %s", process.processid(), a.driverNumber(),
                    a.subdriverNumber(), a.allowAddress(), a.allowSize(), res);
        }
        return res;
    }

    private SyscallReturn allowReadOnly(Process process, Syscall.ReadOnlyAllow a, Optional<SyscallDriver> driver) {
        SyscallReturn res;
        if (driver.isEmpty()) {
            res = new SyscallReturn.AllowReadOnlyFailure(ErrorCode.NODEVICE, a.allowAddress(), a.allowSize());
        } else {
            Result<ReadOnlyProcessBuffer, ErrorCode> built =
                    process.buildReadonlyProcessBuffer(a.allowAddress(), a.allowSize());
            if (built.isErr()) {
                res = new SyscallReturn.AllowReadOnlyFailure(built.unwrapErr(), a.allowAddress(), a.allowSize());
            } else {
                var swapped = KernelGrants.allowRo(process, a.driverNumber(), a.subdriverNumber(), built.unwrap(),
                        memory);
                if (swapped.isErr() && swapped.unwrapErr().error() == ErrorCode.NOMEM) {
                    AllocResult alloc = tryAllocateGrant(driver.get(), process);
                    if (alloc == AllocResult.NewAllocation) {
                        swapped = KernelGrants.allowRo(process, a.driverNumber(), a.subdriverNumber(),
                                swapped.unwrapErr().value(), memory);
                    } else {
                        traceAllocFailure(process, a.driverNumber(), alloc);
                    }
                }
                res = swapped.isOk()
                        ? new SyscallReturn.AllowReadOnlySuccess(swapped.unwrap().rawPtr(), swapped.unwrap().rawLen())
                        : new SyscallReturn.AllowReadOnlyFailure(swapped.unwrapErr().error(),
                                swapped.unwrapErr().value().rawPtr(), swapped.unwrapErr().value().rawLen());
            }
        }
        if (tracing()) {
            trace("[%s] read-only allow(%#x, %d, @%#x, %d) = %s", process.processid(), a.driverNumber(),
                    a.subdriverNumber(), a.allowAddress(), a.allowSize(), res);
        }
        return res;
    }

    /** Whether asking a driver to allocate its grant allocated a new one. Tock's {@code AllocResult}. */
    enum AllocResult {
        NoAllocation,
        NewAllocation,
        SameAllocation
    }

    /** Tock's {@code try_allocate_grant}: compares the allocated-grant count before and after. */
    static AllocResult tryAllocateGrant(SyscallDriver driver, Process process) {
        int beforeCount = process.grantAllocatedCount().orElse(0);
        if (driver.allocateGrant(process.processid()).isErr()) {
            return AllocResult.NoAllocation;
        }
        return beforeCount == process.grantAllocatedCount().orElse(0)
                ? AllocResult.SameAllocation
                : AllocResult.NewAllocation;
    }

    private void traceAllocFailure(Process process, int driverNumber, AllocResult alloc) {
        switch (alloc) {
            case NoAllocation -> trace("[%s] WARN driver #%x did not allocate grant", process.processid(),
                    driverNumber);
            case SameAllocation -> trace("[%s] ERROR driver #%x allocated wrong grant counts",
                    process.processid(), driverNumber);
            case NewAllocation -> { }
        }
    }

    /** Whether system calls are traced: call sites test it first, so a quiet kernel builds no arguments. */
    boolean tracing() {
        return config.traceSyscalls();
    }

    void trace(String format, Object... args) {
        if (config.traceSyscalls()) {
            config.debug().accept(String.format(format, args));
        }
    }

    private static void requireCapability(Object capability) {
        if (capability == null) {
            throw new IllegalArgumentException("this kernel call needs its capability");
        }
    }
}
