package org.tock4j.kernel.core.runtime;

import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.Mpu;
import org.tock4j.userland.Memory;

/**
 * An app's view of memory: every access is a preemption point and is checked by the MPU first; an access it
 * refuses faults the process at that address.
 */
final class AppMemory implements Memory {
    private final JvmProcessRuntime runtime;
    private final JvmProcessRuntime.Incarnation self;
    private final PhysicalMemory physical;
    private final Mpu mpu;

    AppMemory(JvmProcessRuntime runtime, JvmProcessRuntime.Incarnation self) {
        this.runtime = runtime;
        this.self = self;
        this.physical = runtime.chip().memory();
        this.mpu = runtime.chip().mpu();
    }

    /** Enters kernel mode (the caller leaves it), then checks the access against the MPU. */
    private void check(int address, int length, Access access) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        runtime.enter(self);
        runtime.preemptionPoint(self);
        if (!mpu.checkAccess(address, length, access)) {
            // Report the first byte the MPU refuses, as a bus fault reports its address.
            int faulting = address;
            for (int i = 0; i < length; i++) {
                if (!mpu.checkAccess(address + i, 1, access)) {
                    faulting = address + i;
                    break;
                }
            }
            runtime.memoryFault(self, faulting, access == Access.WRITE ? "write" : "read");
        }
    }

    @Override
    public byte read8(int address) {
        check(address, 1, Access.READ);
        try {
            return physical.read8(address);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public void write8(int address, byte value) {
        check(address, 1, Access.WRITE);
        try {
            physical.write8(address, value);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public int read32(int address) {
        check(address, 4, Access.READ);
        try {
            return physical.read32(address);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public void write32(int address, int value) {
        check(address, 4, Access.WRITE);
        try {
            physical.write32(address, value);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        check(address, length, Access.READ);
        try {
            physical.read(address, into, offset, length);
        } finally {
            runtime.leave(self);
        }
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, from.length);
        check(address, length, Access.WRITE);
        try {
            physical.write(address, from, offset, length);
        } finally {
            runtime.leave(self);
        }
    }
}
