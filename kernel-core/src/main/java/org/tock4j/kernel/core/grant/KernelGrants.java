package org.tock4j.kernel.core.grant;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.upcall.Upcall;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;

/**
 * The kernel's own use of grants: storing what subscribe and allow hand over, swapping it for what was there.
 *
 * <pre>
 *   subscribe(d, n, fn, data) ──► grant of driver d in this process ──► SavedUpcall[n] := (data, fn)
 *                                                                        returns the previous (fn, data)
 *   not allocated → NOMEM (the kernel then asks the driver to allocate and retries)
 *   process gone → FAIL;  n beyond the grant's count → NOSUPPORT
 * </pre>
 *
 * <p>Tock counterpart: {@code grant::subscribe}, {@code grant::allow_ro}, {@code grant::allow_rw}.
 */
public final class KernelGrants {
    private KernelGrants() {}

    /** A swap failed: the value handed in comes back with the reason. */
    public record Rejected<V>(V value, ErrorCode error) {}

    /** Saves {@code upcall} in its driver's grant; returns the upcall it replaces. */
    public static Result<Upcall, Rejected<Upcall>> subscribe(Process process, Upcall upcall, PhysicalMemory memory) {
        Result<Entered, ErrorCode> entered = enterGrantKernelManaged(process, upcall.upcallId().driverNum(), memory);
        if (entered.isErr()) {
            return Result.err(new Rejected<>(upcall, entered.unwrapErr()));
        }
        Entered e = entered.unwrap();
        try {
            int n = upcall.upcallId().subscribeNum();
            if (Integer.compareUnsigned(n, e.layout.upcallsNum) >= 0) {
                return Result.err(new Rejected<>(upcall, ErrorCode.NOSUPPORT));
            }
            int slot = e.layout.savedUpcallAddress(n);
            Upcall old = new Upcall(process.processid(), upcall.upcallId(), memory.read32(slot),
                    memory.read32(slot + 4));
            memory.write32(slot, upcall.appdata());
            memory.write32(slot + 4, upcall.fnPtr());
            return Result.ok(old);
        } finally {
            process.leaveGrant(e.grantNum);
        }
    }

    /** Saves a read-only buffer in the driver's grant; returns the buffer it replaces. */
    public static Result<ReadOnlyProcessBuffer, Rejected<ReadOnlyProcessBuffer>> allowRo(
            Process process, int driverNum, int allowNum, ReadOnlyProcessBuffer buffer, PhysicalMemory memory) {
        Result<Entered, ErrorCode> entered = enterGrantKernelManaged(process, driverNum, memory);
        if (entered.isErr()) {
            return Result.err(new Rejected<>(buffer, entered.unwrapErr()));
        }
        Entered e = entered.unwrap();
        try {
            if (Integer.compareUnsigned(allowNum, e.layout.allowRoNum) >= 0) {
                return Result.err(new Rejected<>(buffer, ErrorCode.NOSUPPORT));
            }
            int slot = e.layout.savedAllowRoAddress(allowNum);
            ReadOnlyProcessBuffer old = ReadOnlyProcessBuffer.newExternal(memory.read32(slot),
                    memory.read32(slot + 4), process.processid(), Capability.externalProcess());
            memory.write32(slot, buffer.rawPtr());
            memory.write32(slot + 4, buffer.rawLen());
            return Result.ok(old);
        } finally {
            process.leaveGrant(e.grantNum);
        }
    }

    /** Saves a read-write buffer in the driver's grant; returns the buffer it replaces. */
    public static Result<ReadWriteProcessBuffer, Rejected<ReadWriteProcessBuffer>> allowRw(
            Process process, int driverNum, int allowNum, ReadWriteProcessBuffer buffer, PhysicalMemory memory) {
        Result<Entered, ErrorCode> entered = enterGrantKernelManaged(process, driverNum, memory);
        if (entered.isErr()) {
            return Result.err(new Rejected<>(buffer, entered.unwrapErr()));
        }
        Entered e = entered.unwrap();
        try {
            if (Integer.compareUnsigned(allowNum, e.layout.allowRwNum) >= 0) {
                return Result.err(new Rejected<>(buffer, ErrorCode.NOSUPPORT));
            }
            int slot = e.layout.savedAllowRwAddress(allowNum);
            ReadWriteProcessBuffer old = ReadWriteProcessBuffer.newExternal(memory.read32(slot),
                    memory.read32(slot + 4), process.processid(), Capability.externalProcess());
            memory.write32(slot, buffer.rawPtr());
            memory.write32(slot + 4, buffer.rawLen());
            return Result.ok(old);
        } finally {
            process.leaveGrant(e.grantNum);
        }
    }

    private record Entered(int grantNum, KernelManagedLayout layout) {}

    /** Tock's {@code enter_grant_kernel_managed}: the caller must leave the grant. */
    private static Result<Entered, ErrorCode> enterGrantKernelManaged(
            Process process, int driverNum, PhysicalMemory memory) {
        Result<Integer, ProcessError> grantNum = process.lookupGrantFromDriverNum(driverNum);
        if (grantNum.isErr()) {
            return Result.err(grantNum.unwrapErr().toErrorCode());
        }
        var allocated = process.grantIsAllocated(grantNum.unwrap());
        if (allocated.isEmpty()) {
            return Result.err(ErrorCode.FAIL);
        }
        if (!allocated.get()) {
            return Result.err(ErrorCode.NOMEM);
        }
        Result<Integer, ProcessError> base = process.enterGrant(grantNum.unwrap());
        if (base.isErr()) {
            return Result.err(ErrorCode.NOMEM);
        }
        return Result.ok(new Entered(grantNum.unwrap(), KernelManagedLayout.readFromBase(memory, base.unwrap())));
    }
}
