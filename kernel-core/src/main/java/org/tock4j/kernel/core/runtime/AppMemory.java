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
    private final PhysicalMemory physical;
    private final Mpu mpu;

    AppMemory(JvmProcessRuntime runtime) {
        this.runtime = runtime;
        this.physical = runtime.chip().memory();
        this.mpu = runtime.chip().mpu();
    }

    private void check(int address, int length, Access access) {
        runtime.checkRunning();
        runtime.preemptionPoint();
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        if (!mpu.checkAccess(address, length, access)) {
            // Report the first byte the MPU refuses, as a bus fault reports its address.
            int faulting = address;
            for (int i = 0; i < length; i++) {
                if (!mpu.checkAccess(address + i, 1, access)) {
                    faulting = address + i;
                    break;
                }
            }
            runtime.memoryFault(faulting, access == Access.WRITE ? "write" : "read");
        }
    }

    @Override
    public byte read8(int address) {
        check(address, 1, Access.READ);
        return physical.read8(address);
    }

    @Override
    public void write8(int address, byte value) {
        check(address, 1, Access.WRITE);
        physical.write8(address, value);
    }

    @Override
    public int read32(int address) {
        check(address, 4, Access.READ);
        return physical.read32(address);
    }

    @Override
    public void write32(int address, int value) {
        check(address, 4, Access.WRITE);
        physical.write32(address, value);
    }

    @Override
    public void read(int address, byte[] into, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        check(address, length, Access.READ);
        physical.read(address, into, offset, length);
    }

    @Override
    public void write(int address, byte[] from, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, from.length);
        check(address, length, Access.WRITE);
        physical.write(address, from, offset, length);
    }
}
