package org.tock4j.kernel.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.tock4j.kernel.core.CpuToken;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.core.KernelConfig;
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
 * <h2>Preemption and the spin watchdog</h2>
 *
 * <p>A JVM app cannot be stopped between two Java statements. It is preempted at its preemption points: system
 * calls, memory accesses and {@code busy}. Each incarnation is either in <em>user</em> mode (the app's own
 * code) or in <em>kernel</em> mode (a system call, a memory access, {@code busy}, or kernel code the fast path
 * runs on the process's thread); every preemption point passes through kernel mode and counts as progress.
 *
 * <pre>
 *   kernel thread: hand the CPU over ── wait ≤ watchdog ──► progress since? ── yes ──► wait again
 *                                                             │ no, and the app is in user mode
 *                                                             ▼
 *                    abandon the incarnation, take the CPU back, return Fault ("spun for more than ...")
 *   abandoned thread: whenever it reaches a preemption point ──► ProcessKilled: it unwinds, touching nothing
 * </pre>
 *
 * <p>An app whose code runs {@link KernelConfig#spinWatchdog()} of wall time without reaching a preemption
 * point is therefore faulted as if it had hard-faulted, and its fault policy applies. Limits, all of the JVM's:
 * <ul>
 *   <li>The abandoned thread cannot be stopped: it keeps its carrier thread busy until it reaches a preemption
 *   point (where it unwinds), or for ever. The kernel thread can only notice the watchdog if another carrier
 *   is free: run boards with {@code -Djdk.virtualThreadScheduler.parallelism} of at least 2 (the launcher
 *   does), and expect one carrier lost per app that spins for ever.</li>
 *   <li>Only app code is watched. Kernel code stuck on a process's thread (a capsule looping in a command on
 *   the fast path) is kernel mode: the watchdog keeps waiting, as a hung kernel would on hardware.</li>
 *   <li>A stack overflow in app code faults the process ("stack overflow"). One thrown inside kernel code the
 *   fast path runs on the app's thread (an app that calls the kernel with its stack all but full) halts the
 *   board with a panic report rather than let the kernel continue from an unknown point.</li>
 *   <li>The Java heap is shared by the whole JVM: an {@link OutOfMemoryError} thrown in app code faults the
 *   process ("out of Java heap"), but one can strike any thread, the kernel's included (then the board
 *   panics). Isolate apps that may exhaust the heap in their own JVM with their own {@code -Xmx}.</li>
 * </ul>
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
    /** The incarnation whose thread runs the process's code, if any. */
    private Incarnation current;
    private Thread returnTo;
    /** The incarnation's code ended without the kernel ending the process (a fault the board's hook handled). */
    private boolean codeEnded;
    private ContextSwitchReason trapReason;
    private ProcessFaultInfo lastFault;
    private int incarnations;

    /**
     * One start of the process: its thread, its upcall table, and whether it runs app code (user mode) or
     * kernel code (kernel mode), or was abandoned by the spin watchdog.
     */
    static final class Incarnation {
        private static final int USER = 0;
        private static final int KERNEL = 1;
        private static final int ABANDONED = 2;

        private static final VarHandle PROGRESS;

        static {
            try {
                PROGRESS = MethodHandles.lookup().findVarHandle(Incarnation.class, "progress", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final AtomicInteger mode = new AtomicInteger(KERNEL);
        /**
         * Bumped at every entry into and exit from kernel mode; written by the incarnation's thread only, with
         * opaque writes: every system call passes here twice, and the watchdog needs to see progress eventually,
         * not at once, so no fence is paid for it.
         */
        private long progress;
        /** The kernel ended this incarnation: its thread unwinds at its next preemption point. */
        volatile boolean killed;
        final Thread thread;
        final UpcallTable upcalls;

        Incarnation(Thread.Builder builder, Runnable body, UpcallTable upcalls) {
            this.upcalls = upcalls;
            this.thread = builder.unstarted(body);
        }

        /** Enters kernel mode; false if the watchdog abandoned this incarnation. */
        boolean enterKernel() {
            int m = mode.get();
            if (m == KERNEL || (m == USER && mode.compareAndSet(USER, KERNEL))) {
                PROGRESS.setOpaque(this, progress + 1);
                return true;
            }
            return false;
        }

        /** Back to the app's code (a no-op unless in kernel mode). */
        void leaveKernel() {
            PROGRESS.setOpaque(this, progress + 1);
            // In kernel mode only this thread changes the mode (the watchdog moves it from user mode only), so
            // a release store does what a compare-and-set would, without its fence.
            if (mode.get() == KERNEL) {
                mode.setRelease(USER);
            }
        }

        /** The watchdog's move: succeeds only while the app's own code runs. */
        boolean tryAbandon() {
            return mode.compareAndSet(USER, ABANDONED);
        }

        long progress() {
            return (long) PROGRESS.getOpaque(this);
        }
    }

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
        if (current == null) {
            if (pendingCall == null || !(pendingCall.source() instanceof FunctionCallSource.Kernel)) {
                // Nothing to start the process with: as if it jumped nowhere.
                lastFault = ProcessFaultInfo.badFunction(pendingCall == null ? 0 : pendingCall.pc());
                return new Switched(ContextSwitchReason.FAULT, Optional.empty());
            }
            startThread();
        }
        Incarnation self = current;
        returnTo = Thread.currentThread();
        chip.cpu().enterUserspace();
        if (!handOver(self)) {
            trapReason = null;
            if (!self.killed) {
                // The app's code ran past the watchdog without a preemption point: a hard fault. Its thread is
                // abandoned; it unwinds by itself if it ever reaches one.
                lastFault = ProcessFaultInfo.spin(kernel.config().spinWatchdog());
                codeEnded = true;
                if (current == self) {
                    current = null;
                }
            }
            return new Switched(ContextSwitchReason.FAULT, Optional.empty());
        }
        ContextSwitchReason reason = trapReason;
        trapReason = null;
        return new Switched(reason == null ? ContextSwitchReason.FAULT : reason, Optional.empty());
    }

    /**
     * Gives {@code self}'s thread the CPU and waits for it back, watching for app code that spins: false if the
     * watchdog abandoned the incarnation and took the CPU back.
     */
    private boolean handOver(Incarnation self) {
        long[] seen = {self.progress()};
        return cpu.transferTo(self.thread, kernel.config().spinWatchdog().toNanos(), () -> {
            long now = self.progress();
            if (now != seen[0]) {
                seen[0] = now;
                return false;
            }
            return self.tryAbandon();
        });
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
        Incarnation victim = current;
        current = null;
        pendingCall = null;
        if (victim == null) {
            return;
        }
        victim.killed = true;
        if (victim.thread == Thread.currentThread()) {
            // The process ended itself from its own system call: its thread unwinds on its way out.
            return;
        }
        // Unwind the old thread while it holds the CPU, then carry on here (abandoning it if its unwinding
        // spins).
        Thread previousReturnTo = returnTo;
        returnTo = Thread.currentThread();
        handOver(victim);
        returnTo = previousReturnTo;
    }

    private void startThread() {
        incarnations++;
        Incarnation[] self = new Incarnation[1];
        Incarnation incarnation = new Incarnation(Thread.ofVirtual().name(name + "#" + incarnations),
                () -> runProcess(self[0]), new UpcallTable(codeStart, codeLength));
        self[0] = incarnation;
        current = incarnation;
        incarnation.thread.start();
    }

    // ---------------------------------------------------------------- process side

    private void runProcess(Incarnation self) {
        cpu.awaitOwnership();
        try {
            if (self.killed) {
                return;
            }
            pendingCall = null;
            AppSyscalls syscalls = new AppSyscalls(this, self);
            self.leaveKernel();
            App app = appFactory.get();
            app.main(syscalls);
            // As libtock-c: returning from main leaves the process yielding forever.
            while (true) {
                syscalls.yield(1, 0, 0);
            }
        } catch (ProcessKilled killedNow) {
            // Unwound: the kernel ended (or the watchdog abandoned) this incarnation.
        } catch (Throwable t) {
            if (self.enterKernel() && !self.killed) {
                lastFault = ProcessFaultInfo.exception(t);
                try {
                    trap(self, ContextSwitchReason.FAULT);
                } catch (ProcessKilled afterFault) {
                    // The fault policy ended this incarnation.
                }
            }
        } finally {
            // An abandoned incarnation touches nothing: the kernel took the CPU back long ago.
            if (self.enterKernel()) {
                if (!self.killed) {
                    // The kernel did not end this incarnation, yet its code is over (the board's fault hook
                    // handled a fault, so the kernel switched back): there is no thread left to switch to.
                    codeEnded = true;
                    if (current == self) {
                        current = null;
                    }
                }
                cpu.giveTo(returnTo);
            }
        }
    }

    /**
     * Enters kernel mode for a preemption point of {@code self}; an incarnation the kernel ended (or abandoned)
     * unwinds instead.
     */
    void enter(Incarnation self) {
        if (Thread.currentThread() != self.thread) {
            throw new IllegalStateException("Syscalls of process " + name
                    + " used from another thread; an app must make its calls on the thread that runs main");
        }
        if (!self.enterKernel()) {
            throw new ProcessKilled();
        }
        if (self.killed) {
            self.leaveKernel();
            throw new ProcessKilled();
        }
    }

    /** Back to the app's code after {@link #enter}. */
    void leave(Incarnation self) {
        self.leaveKernel();
    }

    Chip chip() {
        return chip;
    }

    /** Makes a system call: registers in, registers out (TRD104). */
    int[] syscall(Incarnation self, int syscallClass, int r0, int r1, int r2, int r3) {
        enter(self);
        registers[0] = r0;
        registers[1] = r1;
        registers[2] = r2;
        registers[3] = r3;
        chip.cpu().executeCycles(syscallCycles);
        Syscall syscall = Syscall.fromRegisterArguments(syscallClass, r0, r1, r2, r3).orElseThrow();
        trapSyscall(self, syscall);
        runPendingFunctionCall(self);
        int[] out = registers.clone();
        self.leaveKernel();
        return out;
    }

    /** The fast path where the kernel allows it, else a trap to the kernel thread. */
    private void trapSyscall(Incarnation self, Syscall syscall) {
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
                    trap(self, new ContextSwitchReason.SyscallFired(syscall));
                    return;
                }
                if (switchBack && !self.killed) {
                    exec.resumeInline();
                    chip.cpu().enterUserspace();
                    return;
                }
                if (self.killed) {
                    self.leaveKernel();
                    throw new ProcessKilled();
                }
                // The kernel thread takes over from where the loop stopped.
                trap(self, new ContextSwitchReason.SyscallFired(syscall));
                return;
            }
        }
        trap(self, new ContextSwitchReason.SyscallFired(syscall));
    }

    /**
     * Hands the CPU to the kernel with {@code reason} and waits to be switched to again (in kernel mode); an
     * incarnation the kernel ended meanwhile unwinds.
     */
    void trap(Incarnation self, ContextSwitchReason reason) {
        trapReason = reason;
        cpu.transferTo(returnTo);
        if (self.killed) {
            self.leaveKernel();
            throw new ProcessKilled();
        }
    }

    /** A preemption point (in kernel mode): an exception that fired while the process ran interrupts it here. */
    void preemptionPoint(Incarnation self) {
        if (chip.cpu().takePendingException()) {
            trap(self, ContextSwitchReason.INTERRUPTED);
        }
    }

    /** The MPU refused an access (in kernel mode): the process faults and never continues past it. */
    void memoryFault(Incarnation self, int address, String access) {
        lastFault = ProcessFaultInfo.memory(address, access);
        trap(self, ContextSwitchReason.FAULT);
        self.leaveKernel();
        throw new ProcessKilled();
    }

    /** Runs the upcall the kernel set up, if any (in user mode); it returns into the yield that was waiting. */
    private void runPendingFunctionCall(Incarnation self) {
        FunctionCall call = pendingCall;
        if (call == null) {
            return;
        }
        pendingCall = null;
        Optional<Upcall> fn = self.upcalls.lookup(call.pc());
        if (fn.isEmpty()) {
            lastFault = ProcessFaultInfo.badFunction(call.pc());
            trap(self, ContextSwitchReason.FAULT);
            self.leaveKernel();
            throw new ProcessKilled();
        }
        self.leaveKernel();
        fn.get().call(call.argument0(), call.argument1(), call.argument2(), call.argument3());
        enter(self);
    }

    /** Ends every thread of this process (board shutdown). */
    public void shutdown() {
        discard();
    }
}
