package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.kernel.core.process.UserspaceKernelBoundary;
import org.tock4j.kernel.core.runtime.JvmProcessRuntime;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * The JVM runtime of one process, recording every return value and function call the kernel hands it, so
 * tests can assert on the exact {@link SyscallReturn} (not only its registers).
 */
public final class RecordingBoundary implements UserspaceKernelBoundary {
    private final JvmProcessRuntime runtime;
    private final List<SyscallReturn> returns = new ArrayList<>();
    private final List<FunctionCall> functionCalls = new ArrayList<>();
    private int switches;

    public RecordingBoundary(JvmProcessRuntime runtime) {
        this.runtime = runtime;
    }

    public JvmProcessRuntime runtime() {
        return runtime;
    }

    /** Every return value set, oldest first. */
    public List<SyscallReturn> returns() {
        return returns;
    }

    public SyscallReturn lastReturn() {
        return returns.getLast();
    }

    /** Every function call (init function, upcalls) set, oldest first. */
    public List<FunctionCall> functionCalls() {
        return functionCalls;
    }

    /** How many times the kernel thread switched to the process. */
    public int switches() {
        return switches;
    }

    @Override
    public int initialProcessAppBrkSize() {
        return runtime.initialProcessAppBrkSize();
    }

    @Override
    public boolean initializeProcess(int accessibleMemoryStart, int appBrk) {
        return runtime.initializeProcess(accessibleMemoryStart, appBrk);
    }

    @Override
    public boolean setSyscallReturnValue(int accessibleMemoryStart, int appBrk, SyscallReturn returnValue) {
        returns.add(returnValue);
        return runtime.setSyscallReturnValue(accessibleMemoryStart, appBrk, returnValue);
    }

    @Override
    public boolean setProcessFunction(int accessibleMemoryStart, int appBrk, FunctionCall callback) {
        functionCalls.add(callback);
        return runtime.setProcessFunction(accessibleMemoryStart, appBrk, callback);
    }

    @Override
    public Switched switchToProcess(int accessibleMemoryStart, int appBrk) {
        switches++;
        return runtime.switchToProcess(accessibleMemoryStart, appBrk);
    }

    @Override
    public String printContext(int accessibleMemoryStart, int appBrk) {
        return runtime.printContext(accessibleMemoryStart, appBrk);
    }

    @Override
    public void discard() {
        runtime.discard();
    }
}
