package org.tock4j.kernel.core;

import java.util.Optional;
import java.util.OptionalInt;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.platform.KernelResources;
import org.tock4j.kernel.platform.SchedulerTimer;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.process.StoppedExecutingReason;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * One call of {@code do_process}: the loop that runs a process, handles its system calls and decides when it
 * stops, kept as an object so that either thread holding the CPU can run it.
 *
 * <pre>
 *   run() on the kernel thread:
 *     start timer ─► loop: timeslice left? scheduler says continue? ready? ─► state
 *        Running ────► hook, MPU, arm ─► switchTo ─► (Fault | SyscallFired | Interrupted) ─► loop
 *        Yielded ────► next task: FunctionCall ─► setProcessFunction ─► loop ;  none ─► stop
 *        YieldedFor ─► its upcall queued? ─► return its values ─► loop ;  not yet ─► stop
 *        Stopped ────► stop
 *
 *   fast path, on the process's thread, inside switchTo:
 *     syscall ─► afterSwitch (handle it) ─► loop ─► wants Running again? ─► back to the app, no switch
 *                                                 └─ stops ─► hand the CPU back; run() sees it finished
 * </pre>
 *
 * <p>Tock counterpart: {@code Kernel::do_process} in {@code kernel/src/kernel.rs}.
 */
public final class ProcessExecution {

    /** Why the loop ended and how long the process ran (empty without a timeslice). */
    public record Outcome(StoppedExecutingReason reason, OptionalInt timeExecutedUs) {}

    /** What the fast path did with a trap, for the kernel thread waiting in {@code switchTo}. */
    public enum InlineOutcome {
        /** Nothing: the kernel thread handles the switch reason itself. */
        NONE,
        /** The loop ended on the process thread. */
        LOOP_ENDED,
        /** The loop wants to run the process again, all set up; the kernel thread must switch to it. */
        SWITCH_PENDING
    }

    private final Kernel kernel;
    private final KernelResources resources;
    private final Chip chip;
    private final Process process;
    private final OptionalInt timesliceUs;
    private final SchedulerTimer schedulerTimer;
    private StoppedExecutingReason returnReason = StoppedExecutingReason.NoWorkLeft;
    private InlineOutcome inlineOutcome = InlineOutcome.NONE;
    private RuntimeException inlineFailure;

    ProcessExecution(Kernel kernel, KernelResources resources, Chip chip, Process process, OptionalInt timesliceUs) {
        this.kernel = kernel;
        this.resources = resources;
        this.chip = chip;
        this.process = process;
        this.timesliceUs = timesliceUs;
        // Without a timeslice the process runs under a timer that never expires.
        this.schedulerTimer = timesliceUs.isEmpty() ? SchedulerTimer.NONE : resources.schedulerTimer();
    }

    /** The process this execution runs. */
    public Process process() {
        return process;
    }

    /** Runs the loop on the kernel thread until it ends. */
    Outcome run() {
        schedulerTimer.reset();
        timesliceUs.ifPresent(schedulerTimer::start);

        boolean switchToProcess = runUntilSwitch();
        if (!switchToProcess) {
            // A pass that gives the process nothing to run still takes the CPU's time (see IDLE_PASS_CYCLES).
            chip.cpu().executeCycles(Kernel.IDLE_PASS_CYCLES);
        }
        while (switchToProcess) {
            Optional<ContextSwitchReason> reason = process.switchTo();
            if (inlineFailure != null) {
                RuntimeException failure = inlineFailure;
                inlineFailure = null;
                throw failure;
            }
            InlineOutcome inline = inlineOutcome;
            inlineOutcome = InlineOutcome.NONE;
            switchToProcess = switch (inline) {
                case LOOP_ENDED -> false;
                case SWITCH_PENDING -> true;
                case NONE -> !afterSwitch(reason) && runUntilSwitch();
            };
        }

        OptionalInt timeExecutedUs = OptionalInt.empty();
        if (timesliceUs.isPresent()) {
            int timeslice = timesliceUs.getAsInt();
            if (returnReason == StoppedExecutingReason.TimesliceExpired) {
                timeExecutedUs = OptionalInt.of(timeslice);
            } else {
                OptionalInt remaining = schedulerTimer.getRemainingUs();
                timeExecutedUs = OptionalInt.of(remaining.isPresent() ? timeslice - remaining.getAsInt() : timeslice);
            }
        }
        // The timer must not expire (and interrupt) while the chip sleeps.
        schedulerTimer.reset();
        return new Outcome(returnReason, timeExecutedUs);
    }

    /**
     * Runs loop iterations until the process should be switched to (true, with the timer armed and the MPU set
     * up) or the loop ends (false, {@link #returnReason} set).
     */
    boolean runUntilSwitch() {
        while (true) {
            OptionalInt remaining = schedulerTimer.getRemainingUs();
            if (remaining.isEmpty() || remaining.getAsInt() <= Kernel.MIN_QUANTA_THRESHOLD_US) {
                // The process ran out of time while the kernel was executing.
                process.debugTimesliceExpired();
                returnReason = StoppedExecutingReason.TimesliceExpired;
                return false;
            }
            if (!resources.scheduler().continueProcess(process.processid(), chip, kernel.deferredCalls())) {
                returnReason = StoppedExecutingReason.KernelPreemption;
                return false;
            }
            if (!process.ready()) {
                returnReason = StoppedExecutingReason.NoWorkLeft;
                return false;
            }
            State state = process.getState();
            switch (state) {
                case State.Running running -> {
                    resources.contextSwitchCallback().contextSwitchHook(process);
                    process.setupMpu();
                    chip.mpu().enableAppMpu();
                    schedulerTimer.arm();
                    return true;
                }
                case State.Yielded yielded -> {
                    Optional<Task> task = process.dequeueTask();
                    if (task.isEmpty()) {
                        returnReason = StoppedExecutingReason.NoWorkLeft;
                        return false;
                    }
                    switch (task.get()) {
                        case Task.ReturnValue rv -> {
                            // TRD104: yield-wait does not wake the process for null upcalls.
                            returnReason = StoppedExecutingReason.NoWorkLeft;
                            return false;
                        }
                        case Task.FunctionCallTask fct -> {
                            FunctionCall ccb = fct.functionCall();
                            if (kernel.tracing()) {
                                kernel.trace("[%s] function_call @%#x(%#x, %#x, %#x, %#x)", process.processid(),
                                        ccb.pc(), ccb.argument0(), ccb.argument1(), ccb.argument2(), ccb.argument3());
                            }
                            process.setProcessFunction(ccb);
                            kernel.config().observer().functionCall(process, ccb);
                        }
                        case Task.Ipc ipc -> kernel.scheduleIpcUpcall(process, ipc);
                    }
                }
                case State.YieldedFor yieldedFor -> {
                    Optional<Task> task = process.removeUpcall(yieldedFor.upcallId());
                    if (task.isEmpty()) {
                        returnReason = StoppedExecutingReason.NoWorkLeft;
                        return false;
                    }
                    SyscallReturn values = switch (task.get()) {
                        case Task.ReturnValue rv -> {
                            if (kernel.tracing()) {
                                kernel.trace("[%s] Yield-WaitFor: [NU] (%#x, %#x, %#x)", process.processid(),
                                        rv.arguments().argument0(), rv.arguments().argument1(),
                                        rv.arguments().argument2());
                            }
                            yield new SyscallReturn.YieldWaitFor(rv.arguments().argument0(),
                                    rv.arguments().argument1(), rv.arguments().argument2());
                        }
                        case Task.FunctionCallTask fct -> {
                            FunctionCall ccb = fct.functionCall();
                            if (kernel.tracing()) {
                                kernel.trace("[%s] Yield-WaitFor [Suppressed function_call @%#x] (%#x, %#x, %#x, %#x)",
                                        process.processid(), ccb.pc(), ccb.argument0(), ccb.argument1(),
                                        ccb.argument2(), ccb.argument3());
                            }
                            yield new SyscallReturn.YieldWaitFor(ccb.argument0(), ccb.argument1(),
                                    ccb.argument2());
                        }
                        case Task.Ipc ipc -> throw new KernelPanic("IPC task cannot complete a Yield-WaitFor");
                    };
                    process.setSyscallReturnValue(values);
                    kernel.config().observer().yieldWaitForReturned(process, values);
                }
                case State.Faulted faulted -> throw new KernelPanic("Attempted to schedule an unrunnable process");
                case State.Terminated terminated ->
                    throw new KernelPanic("Attempted to schedule an unrunnable process");
                case State.Stopped stopped -> {
                    returnReason = StoppedExecutingReason.Stopped;
                    return false;
                }
            }
        }
    }

    /**
     * Handles why the process came back to the kernel; true if that ends the loop (the timeslice expired).
     */
    boolean afterSwitch(Optional<ContextSwitchReason> reason) {
        return afterSwitch(reason.orElse(null));
    }

    /** {@link #afterSwitch(Optional)} with {@code null} for a failed switch. */
    private boolean afterSwitch(ContextSwitchReason reason) {
        schedulerTimer.disarm();
        chip.mpu().disableAppMpu();
        if (reason == null) {
            // Switching to the process failed: treat it as a fault.
            process.setFaultState();
            return false;
        }
        switch (reason) {
            case ContextSwitchReason.Fault fault -> {
                if (!resources.processFault().processFaultHook(process)) {
                    process.setFaultState();
                }
            }
            case ContextSwitchReason.SyscallFired fired -> kernel.handleSyscall(resources, process, fired.syscall());
            case ContextSwitchReason.Interrupted interrupted -> {
                if (schedulerTimer.getRemainingUs().isEmpty()) {
                    // This interrupt was the timeslice expiring.
                    process.debugTimesliceExpired();
                    returnReason = StoppedExecutingReason.TimesliceExpired;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fast path: the process's thread, holding the CPU, handles its own system call exactly as the kernel
     * thread would and runs the loop on. If the loop wants the process to run again the thread may simply carry
     * on ({@link #resumeInline()}); otherwise it hands the CPU back and {@link #run()} sees what happened.
     *
     * @return true if the loop wants to switch to the process again (everything is set up for it)
     */
    public boolean handleSyscallInline(Syscall syscall) {
        afterSwitch(new ContextSwitchReason.SyscallFired(syscall));
        boolean switchBack = runUntilSwitch();
        inlineOutcome = switchBack ? InlineOutcome.SWITCH_PENDING : InlineOutcome.LOOP_ENDED;
        return switchBack;
    }

    /**
     * The fast path failed with a kernel panic or a capsule's exception: the kernel thread rethrows it (as a
     * {@link KernelPanic}) once the process thread hands the CPU back.
     */
    public void failInline(Throwable failure) {
        inlineOutcome = InlineOutcome.LOOP_ENDED;
        inlineFailure = failure instanceof KernelPanic panic ? panic
                : new KernelPanic("a capsule threw while handling a system call of process "
                        + process.getProcessName() + ": " + failure, failure);
    }

    /** The process thread carries on after {@link #handleSyscallInline}: no switch took place. */
    public void resumeInline() {
        inlineOutcome = InlineOutcome.NONE;
    }
}
