package org.tock4j.kernel.core.runtime;

import java.util.Optional;
import java.util.function.Supplier;

import org.tock4j.kernel.core.CpuToken;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.ProcessExecution;
import org.tock4j.kernel.core.process.UserspaceKernelBoundary;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.userland.App;
import org.tock4j.userland.Upcall;

/**
 * The JVM as a process's architecture: the app's Java code runs on its own virtual thread, which holds the
 * board's one CPU while the process runs and traps back to the kernel at system calls, faults and preemption
 * points.
 *
 * <pre>
 *   kernel thread                          process thread (virtual)
 *   switchToProcess ── CPU ──────────────► app code ... sys.command(...)
 *                                              │ executeCycles(syscall cost)
 *                                              ├─ fast path: kernel handles it here, app continues
 *                   ◄─────────────── CPU ──────┘ trap (yield with nothing to do, exit, fault, interrupt)
 *   handleSyscall, other processes, sleep ...
 *   switchToProcess ── CPU ──────────────► yield returns, after running one upcall if one was set
 * </pre>
 *
 * <p>Registers are those of TRD104 (r0..r3). A new incarnation of the process (start, restart) gets a new
 * thread and a new {@link App} instance; the old thread is unwound first, holding the CPU.
 *
 * <p>Limit: a JVM app cannot be stopped between two Java statements. Preemption happens at system calls,
 * memory accesses and {@code busy}; code that loops without reaching one keeps the CPU.
 *
 * <p>Tock counterpart: {@code cortexm::syscall::SysCall} (the {@code UserspaceKernelBoundary} of Cortex-M) and
 * the app's {@code crt0}.
 */
public final class JvmProcessRuntime implements UserspaceKernelBoundary {
    /** Cortex-M's exception frame: the app memory a process needs before it can run. */
    public static final int INITIAL_APP_BRK_SIZE = 32;

    private final Kernel kernel;
    private final Chip chip;
    private final Supplier<? extends App> appFactory;
    private final String name;
    private final long syscallCycles;
    private final int codeStart;
    private final int codeLength;
    private final CpuToken cpu;

    private final int[] registers = new int[4];
    private FunctionCall pendingCall;
    private Thread thread;
    private Thread returnTo;
    private volatile boolean killed;
    /** The incarnation's code ended without the kernel ending the process (a fault the board's hook handled). */
    private boolean codeEnded;
    private ContextSwitchReason trapReason;
    private ProcessFaultInfo lastFault;
    private UpcallTable upcalls;
    private int incarnation;

    /**
     * @param appFactory makes the app for each start of the process
     * @param codeStart first address of the app's code area in flash (after its protected header)
     * @param codeLength bytes of code area
     * @param syscallCycles CPU cycles each system call costs
     */
    public JvmProcessRuntime(Kernel kernel, Chip chip, CpuToken cpu, Supplier<? extends App> appFactory,
            String name, int codeStart, int codeLength, long syscallCycles) {
        this.kernel = kernel;
        this.chip = chip;
        this.cpu = cpu;
        this.appFactory = appFactory;
        this.name = name;
        this.codeStart = codeStart;
        this.codeLength = codeLength;
        this.syscallCycles = syscallCycles;
    }

    /** The last fault of this process's code, if any. */
    public Optional<ProcessFaultInfo> lastFault() {
        return Optional.ofNullable(lastFault);
    }

    // ---------------------------------------------------------------- kernel side

    @Override
    public int initialProcessAppBrkSize() {
        return INITIAL_APP_BRK_SIZE;
    }

    @Override
    public boolean initializeProcess(int accessibleMemoryStart, int appBrk) {
        java.util.Arrays.fill(registers, 0);
        pendingCall = null;
        return Integer.toUnsignedLong(appBrk) - Integer.toUnsignedLong(accessibleMemoryStart) >= INITIAL_APP_BRK_SIZE;
    }

    @Override
    public boolean setSyscallReturnValue(int accessibleMemoryStart, int appBrk, SyscallReturn returnValue) {
        returnValue.encodeTrd104(registers);
        return true;
    }

    @Override
    public boolean setProcessFunction(int accessibleMemoryStart, int appBrk, FunctionCall callback) {
        pendingCall = callback;
        registers[0] = callback.argument0();
        registers[1] = callback.argument1();
        registers[2] = callback.argument2();
        registers[3] = callback.argument3();
        return true;
    }

    @Override
    public Switched switchToProcess(int accessibleMemoryStart, int appBrk) {
        if (codeEnded) {
            // Code that faulted cannot be resumed: the process faults again at once, as a faulting instruction
            // would, and the exception entry costs its cycles so the timeslice still runs out.
            chip.cpu().executeCycles(syscallCycles);
            return new Switched(ContextSwitchReason.FAULT, Optional.empty());
        }
        if (thread == null) {
            if (pendingCall == null || !(pendingCall.source() instanceof FunctionCallSource.Kernel)) {
                // Nothing to start the process with: as if it jumped nowhere.
                lastFault = ProcessFaultInfo.badFunction(pendingCall == null ? 0 : pendingCall.pc());
                return new Switched(ContextSwitchReason.FAULT, Optional.empty());
            }
            startThread();
        }
        returnTo = Thread.currentThread();
        chip.cpu().enterUserspace();
        cpu.transferTo(thread);
        ContextSwitchReason reason = trapReason;
        trapReason = null;
        return new Switched(reason == null ? ContextSwitchReason.FAULT : reason, Optional.empty());
    }

    @Override
    public String printContext(int accessibleMemoryStart, int appBrk) {
        return String.format("%n r0 %#010x r1 %#010x r2 %#010x r3 %#010x%n pending call: %s%n fault: %s%n",
                registers[0], registers[1], registers[2], registers[3], pendingCall,
                lastFault == null ? "none" : lastFault.reason());
    }

    @Override
    public void discard() {
        codeEnded = false;
        Thread victim = thread;
        thread = null;
        pendingCall = null;
        if (victim == null) {
            return;
        }
        killed = true;
        if (victim == Thread.currentThread()) {
            // The process ended itself from its own system call: its thread unwinds on its way out.
            return;
        }
        // Unwind the old thread while it holds the CPU, then carry on here.
        returnTo = Thread.currentThread();
        cpu.transferTo(victim);
    }

    private void startThread() {
        killed = false;
        incarnation++;
        upcalls = new UpcallTable(codeStart, codeLength);
        AppSyscalls syscalls = new AppSyscalls(this);
        thread = Thread.ofVirtual().name(name + "#" + incarnation).unstarted(() -> runProcess(syscalls));
        thread.start();
    }

    // ---------------------------------------------------------------- process side

    private void runProcess(AppSyscalls syscalls) {
        cpu.awaitOwnership();
        try {
            if (killed) {
                return;
            }
            pendingCall = null;
            App app = appFactory.get();
            app.main(syscalls);
            // As libtock-c: returning from main leaves the process yielding forever.
            while (true) {
                syscalls.yield(1, 0, 0);
            }
        } catch (ProcessKilled killedNow) {
            // Unwound: the kernel ended this incarnation.
        } catch (Throwable t) {
            if (!killed) {
                lastFault = ProcessFaultInfo.exception(t);
                try {
                    trap(ContextSwitchReason.FAULT);
                } catch (ProcessKilled afterFault) {
                    // The fault policy ended this incarnation.
                }
            }
        } finally {
            if (!killed) {
                // The kernel did not end this incarnation, yet its code is over (the board's fault hook handled a
                // fault, so the kernel switched back): there is no thread left to switch to.
                codeEnded = true;
                thread = null;
            }
            cpu.giveTo(returnTo);
        }
    }

    /** Fails fast if the calling thread is not this process's live thread. */
    void checkRunning() {
        if (killed) {
            throw new ProcessKilled();
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("Syscalls of process " + name
                    + " used from another thread; an app must make its calls on the thread that runs main");
        }
    }

    long syscallCycles() {
        return syscallCycles;
    }

    Chip chip() {
        return chip;
    }

    UpcallTable upcalls() {
        return upcalls;
    }

    /** Makes a system call: registers in, registers out (TRD104). */
    int[] syscall(int syscallClass, int r0, int r1, int r2, int r3) {
        checkRunning();
        registers[0] = r0;
        registers[1] = r1;
        registers[2] = r2;
        registers[3] = r3;
        chip.cpu().executeCycles(syscallCycles);
        Syscall syscall = Syscall.fromRegisterArguments(syscallClass, r0, r1, r2, r3).orElseThrow();
        trapSyscall(syscall);
        runPendingFunctionCall();
        return registers.clone();
    }

    /** The fast path where the kernel allows it, else a trap to the kernel thread. */
    private void trapSyscall(Syscall syscall) {
        if (!(syscall instanceof Syscall.Exit)) {
            Optional<ProcessExecution> execution = kernel.currentExecution();
            if (execution.isPresent()) {
                ProcessExecution exec = execution.get();
                boolean switchBack;
                try {
                    switchBack = exec.handleSyscallInline(syscall);
                } catch (RuntimeException | Error kernelFailure) {
                    // A kernel panic (or a capsule that threw) belongs to the kernel thread, not to the app.
                    exec.failInline(kernelFailure);
                    trap(new ContextSwitchReason.SyscallFired(syscall));
                    return;
                }
                if (switchBack && !killed) {
                    exec.resumeInline();
                    chip.cpu().enterUserspace();
                    return;
                }
                if (killed) {
                    throw new ProcessKilled();
                }
                // The kernel thread takes over from where the loop stopped.
                trap(new ContextSwitchReason.SyscallFired(syscall));
                return;
            }
        }
        trap(new ContextSwitchReason.SyscallFired(syscall));
    }

    /** Hands the CPU to the kernel with {@code reason} and waits to be switched to again. */
    void trap(ContextSwitchReason reason) {
        trapReason = reason;
        cpu.transferTo(returnTo);
        if (killed) {
            throw new ProcessKilled();
        }
    }

    /** A preemption point: an exception that fired while the process ran interrupts it here. */
    void preemptionPoint() {
        if (chip.cpu().takePendingException()) {
            trap(ContextSwitchReason.INTERRUPTED);
        }
    }

    /** The MPU refused an access: the process faults and never continues past it. */
    void memoryFault(int address, String access) {
        lastFault = ProcessFaultInfo.memory(address, access);
        trap(ContextSwitchReason.FAULT);
        throw new ProcessKilled();
    }

    /** Runs the upcall the kernel set up, if any; it returns into the yield that was waiting. */
    private void runPendingFunctionCall() {
        FunctionCall call = pendingCall;
        if (call == null) {
            return;
        }
        pendingCall = null;
        Optional<Upcall> fn = upcalls.lookup(call.pc());
        if (fn.isEmpty()) {
            lastFault = ProcessFaultInfo.badFunction(call.pc());
            trap(ContextSwitchReason.FAULT);
            throw new ProcessKilled();
        }
        fn.get().call(call.argument0(), call.argument1(), call.argument2(), call.argument3());
    }

    /** Ends every thread of this process (board shutdown). */
    public void shutdown() {
        discard();
    }
}
