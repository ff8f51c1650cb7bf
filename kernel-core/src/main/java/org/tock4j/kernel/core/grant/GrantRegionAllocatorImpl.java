package org.tock4j.kernel.core.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.grant.CustomGrant;
import org.tock4j.kernel.grant.GrantRegionAllocator;
import org.tock4j.kernel.process.CustomGrantAllocation;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * Allocates extra memory in one process's grant region.
 *
 * <p>Tock counterpart: {@code kernel::grant::GrantRegionAllocator}.
 */
final class GrantRegionAllocatorImpl implements GrantRegionAllocator {
    private final Kernel kernel;
    private final ProcessId processId;

    GrantRegionAllocatorImpl(Kernel kernel, ProcessId processId) {
        this.kernel = kernel;
        this.processId = processId;
    }

    @Override
    public <T> Result<CustomGrant<T>, ProcessError> allocWith(int size, int align, Supplier<T> init) {
        return allocNRawInner(1, size, align).map(allocation -> {
            kernel.getProcess(processId).ifPresent(p -> p.setCustomGrantData(allocation.identifier(), init.get()));
            return new CustomGrantImpl<>(kernel, allocation.identifier(), processId);
        });
    }

    @Override
    public <T> Result<CustomGrant<List<T>>, ProcessError> allocNWith(
            int count, int size, int align, IntFunction<T> init) {
        return allocNRawInner(count, size, align).map(allocation -> {
            List<T> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                items.add(init.apply(i));
            }
            kernel.getProcess(processId).ifPresent(p -> p.setCustomGrantData(allocation.identifier(), items));
            return new CustomGrantImpl<>(kernel, allocation.identifier(), processId);
        });
    }

    /** {@code count * size} bytes; a product beyond 32 bits is {@code OutOfMemory}, as Tock's checked_mul. */
    private Result<CustomGrantAllocation, ProcessError> allocNRawInner(int count, int singleSize, int align) {
        long allocSize = Integer.toUnsignedLong(singleSize) * Integer.toUnsignedLong(count);
        if (allocSize > 0xFFFF_FFFFL) {
            return Result.err(ProcessError.OutOfMemory);
        }
        Optional<Process> process = kernel.getProcess(processId);
        if (process.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        return process.get().allocateCustomGrant((int) allocSize, align).mapErr(e -> ProcessError.OutOfMemory);
    }
}
