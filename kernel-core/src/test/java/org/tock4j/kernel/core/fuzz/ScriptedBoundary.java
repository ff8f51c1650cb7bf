package org.tock4j.kernel.core.fuzz;

import java.util.Arrays;
import java.util.Optional;

import org.tock4j.kernel.core.process.UserspaceKernelBoundary;
import org.tock4j.kernel.platform.Chip;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.syscall.ContextSwitchReason;
import org.tock4j.kernel.syscall.SyscallReturn;

/**
 * A process architecture with no code: each switch to the process asks a script for its next trap (a system
 * call, a fault, an interrupt). The whole kernel loop then runs on one thread, deterministically, as fast as the
 * kernel can go: what a fuzzer of the system call dispatcher wants.
 */
final class ScriptedBoundary implements UserspaceKernelBoundary {

    /** Decides what the process does when it is switched to. */
    @FunctionalInterface
    interface Script {
        ContextSwitchReason next(ScriptedBoundary process);
    }

    final int slot;
    private final Chip chip;
    private final long cyclesPerTrap;
    private Script script = p -> ContextSwitchReason.FAULT;
    final int[] registers = new int[4];
    SyscallReturn lastReturn;
    FunctionCall lastFunctionCall;
    int discards;

    ScriptedBoundary(int slot, Chip chip, long cyclesPerTrap) {
        this.slot = slot;
        this.chip = chip;
        this.cyclesPerTrap = cyclesPerTrap;
    }

    void script(Script s) {
        this.script = s;
    }

    @Override
    public int initialProcessAppBrkSize() {
        return 32;
    }

    @Override
    public boolean initializeProcess(int accessibleMemoryStart, int appBrk) {
        Arrays.fill(registers, 0);
        lastReturn = null;
        lastFunctionCall = null;
        return Integer.toUnsignedLong(appBrk) - Integer.toUnsignedLong(accessibleMemoryStart) >= 32;
    }

    @Override
    public boolean setSyscallReturnValue(int accessibleMemoryStart, int appBrk, SyscallReturn returnValue) {
        lastReturn = returnValue;
        returnValue.encodeTrd104(registers);
        return true;
    }

    @Override
    public boolean setProcessFunction(int accessibleMemoryStart, int appBrk, FunctionCall callback) {
        lastFunctionCall = callback;
        registers[0] = callback.argument0();
        registers[1] = callback.argument1();
        registers[2] = callback.argument2();
        registers[3] = callback.argument3();
        return true;
    }

    @Override
    public Switched switchToProcess(int accessibleMemoryStart, int appBrk) {
        chip.cpu().executeCycles(cyclesPerTrap);
        return new Switched(script.next(this), Optional.empty());
    }

    @Override
    public String printContext(int accessibleMemoryStart, int appBrk) {
        return Arrays.toString(registers);
    }

    @Override
    public void discard() {
        discards++;
    }
}
