package org.tock4j.kernel.core.runtime;

import org.tock4j.kernel.syscall.SyscallClass;
import org.tock4j.userland.Memory;
import org.tock4j.userland.Registers;
import org.tock4j.userland.Syscalls;
import org.tock4j.userland.Upcall;

/**
 * The system call instructions of one process incarnation: each loads r0..r3, traps (SVC) and returns the
 * registers the kernel set.
 *
 * <p>Tock counterpart: libtock-c's {@code syscalls.h} ({@code svc} with the class number).
 */
final class AppSyscalls implements Syscalls {
    private final JvmProcessRuntime runtime;
    private final JvmProcessRuntime.Incarnation self;
    private final AppMemory memory;

    AppSyscalls(JvmProcessRuntime runtime, JvmProcessRuntime.Incarnation self) {
        this.runtime = runtime;
        this.self = self;
        this.memory = new AppMemory(runtime, self);
    }

    private Registers svc(SyscallClass c, int r0, int r1, int r2, int r3) {
        int[] r = runtime.syscall(self, c.number(), r0, r1, r2, r3);
        return new Registers(r[0], r[1], r[2], r[3]);
    }

    @Override
    public Registers yield(int which, int paramA, int paramB) {
        return svc(SyscallClass.Yield, which, paramA, paramB, 0);
    }

    @Override
    public Registers subscribe(int driver, int subscribeNum, int upcallAddress, int appData) {
        return svc(SyscallClass.Subscribe, driver, subscribeNum, upcallAddress, appData);
    }

    @Override
    public Registers command(int driver, int commandNum, int arg0, int arg1) {
        return svc(SyscallClass.Command, driver, commandNum, arg0, arg1);
    }

    @Override
    public Registers allowReadWrite(int driver, int allowNum, int address, int length) {
        return svc(SyscallClass.ReadWriteAllow, driver, allowNum, address, length);
    }

    @Override
    public Registers allowReadOnly(int driver, int allowNum, int address, int length) {
        return svc(SyscallClass.ReadOnlyAllow, driver, allowNum, address, length);
    }

    @Override
    public Registers allowUserspaceReadable(int driver, int allowNum, int address, int length) {
        return svc(SyscallClass.UserspaceReadableAllow, driver, allowNum, address, length);
    }

    @Override
    public Registers memop(int operand, int arg0) {
        return svc(SyscallClass.Memop, operand, arg0, 0, 0);
    }

    @Override
    public void exit(int which, int completionCode) {
        svc(SyscallClass.Exit, which, completionCode, 0, 0);
    }

    @Override
    public int upcallAddress(Upcall fn) {
        runtime.enter(self);
        try {
            return self.upcalls.register(fn);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public Memory memory() {
        return memory;
    }

    @Override
    public void busy(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("busy cycles must be >= 0: " + cycles);
        }
        runtime.enter(self);
        try {
            // Computation is preemptible: where the timeslice ends or an interrupt fires, the process traps, and
            // the rest of the cycles run when it is switched to again.
            long remaining = cycles;
            do {
                remaining -= runtime.chip().cpu().executeCyclesUntilException(remaining);
                runtime.preemptionPoint(self);
            } while (remaining > 0);
        } finally {
            runtime.leave(self);
        }
    }
}
