package org.tock4j.kernel.core.grant;

import java.util.Optional;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.core.upcall.Upcall;
import org.tock4j.kernel.grant.GrantKernelData;
import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.upcall.UpcallError;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * The upcalls and buffers saved in an entered grant, read in place from process RAM.
 *
 * <p>Tock counterpart: {@code kernel::grant::GrantKernelData}.
 */
final class GrantKernelDataImpl implements GrantKernelData {
    private final PhysicalMemory memory;
    private final KernelManagedLayout layout;
    private final int driverNum;
    private final Process process;
    private final KernelConfig config;
    private boolean open = true;

    GrantKernelDataImpl(PhysicalMemory memory, KernelManagedLayout layout, int driverNum, Process process,
            KernelConfig config) {
        this.memory = memory;
        this.layout = layout;
        this.driverNum = driverNum;
        this.process = process;
        this.config = config;
    }

    /** After the grant is left this object may no longer be used (Tock's lifetime). */
    void close() {
        open = false;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("GrantKernelData used after its grant was left");
        }
    }

    @Override
    public Result<Void, UpcallError> scheduleUpcall(int subscribeNum, int r0, int r1, int r2) {
        checkOpen();
        if (Integer.compareUnsigned(subscribeNum, layout.upcallsNum) >= 0) {
            if (config.traceSyscalls()) {
                config.debug().accept(String.format("[%s] schedule[%#x:%d] invalid subscribe_num",
                        process.processid(), driverNum, subscribeNum));
            }
            return Result.err(UpcallError.InvalidSubscribeNum);
        }
        int slot = layout.savedUpcallAddress(subscribeNum);
        Upcall upcall = new Upcall(process.processid(), new UpcallId(driverNum, subscribeNum),
                memory.read32(slot), memory.read32(slot + 4));
        return upcall.schedule(process, r0, r1, r2, config);
    }

    @Override
    public Optional<Task> removeUpcall(int subscribeNum) {
        checkOpen();
        return process.removeUpcall(new UpcallId(driverNum, subscribeNum));
    }

    @Override
    public int removePendingUpcalls(int subscribeNum) {
        checkOpen();
        return process.removePendingUpcalls(new UpcallId(driverNum, subscribeNum));
    }

    @Override
    public Result<ReadOnlyProcessBuffer, ProcessError> getReadonlyProcessbuffer(int allowRoNum) {
        checkOpen();
        if (Integer.compareUnsigned(allowRoNum, layout.allowRoNum) >= 0) {
            return Result.err(ProcessError.AddressOutOfBounds);
        }
        int slot = layout.savedAllowRoAddress(allowRoNum);
        return Result.ok(ReadOnlyProcessBuffer.newExternal(memory.read32(slot), memory.read32(slot + 4),
                process.processid(), Capability.externalProcess()));
    }

    @Override
    public Result<ReadWriteProcessBuffer, ProcessError> getReadwriteProcessbuffer(int allowRwNum) {
        checkOpen();
        if (Integer.compareUnsigned(allowRwNum, layout.allowRwNum) >= 0) {
            return Result.err(ProcessError.AddressOutOfBounds);
        }
        int slot = layout.savedAllowRwAddress(allowRwNum);
        return Result.ok(ReadWriteProcessBuffer.newExternal(memory.read32(slot), memory.read32(slot + 4),
                process.processid(), Capability.externalProcess()));
    }
}
