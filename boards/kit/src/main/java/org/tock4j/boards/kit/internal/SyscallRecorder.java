package org.tock4j.boards.kit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.tock4j.boards.kit.SyscallRecord;
import org.tock4j.kernel.core.SyscallObserver;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.Syscall;
import org.tock4j.kernel.syscall.SyscallReturn;

/** Keeps the board's system call trace with virtual timestamps, when tracing is on. */
public final class SyscallRecorder implements SyscallObserver {
    private final LongSupplier clock;
    private final List<SyscallRecord> records = new ArrayList<>();

    public SyscallRecorder(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void syscall(ProcessId caller, Process process, Syscall syscall, Optional<SyscallReturn> result) {
        records.add(new SyscallRecord.Call(clock.getAsLong(), process.getProcessName(), caller.id(), syscall, result));
    }

    @Override
    public void functionCall(Process process, FunctionCall call) {
        records.add(new SyscallRecord.Upcall(clock.getAsLong(), process.getProcessName(), process.processid().id(),
                call.pc(), call.argument0(), call.argument1(), call.argument2(), call.argument3()));
    }

    @Override
    public void yieldWaitForReturned(Process process, SyscallReturn values) {
        records.add(new SyscallRecord.YieldWaitForReturned(clock.getAsLong(), process.getProcessName(),
                process.processid().id(), values));
    }

    public List<SyscallRecord> records() {
        return Collections.unmodifiableList(records);
    }
}
