package org.tock4j.kernel.core.grant;

import java.util.Optional;

import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.GrantAllocatorFunction;
import org.tock4j.kernel.grant.GrantFunction;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * A grant allocated in one process's grant region.
 *
 * <p>Tock counterpart: {@code kernel::grant::ProcessGrant}.
 */
final class ProcessGrantImpl<T> implements ProcessGrant<T> {
    private final GrantImpl<T> grant;
    private final Process process;

    private ProcessGrantImpl(GrantImpl<T> grant, Process process) {
        this.grant = grant;
        this.process = process;
    }

    /**
     * The grant in process {@code processId}, allocated (and its {@code T} created) if this is the first time.
     * Tock's {@code ProcessGrant::new}.
     */
    static <T> Result<ProcessGrant<T>, ProcessError> create(GrantImpl<T> grant, ProcessId processId) {
        Optional<Process> found = grant.kernel.getProcess(processId);
        if (found.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        Process process = found.get();
        Optional<Boolean> isAllocated = process.grantIsAllocated(grant.grantNum);
        if (isAllocated.isEmpty()) {
            // Cannot use the grant region in any way if the process is inactive.
            return Result.err(ProcessError.InactiveApp);
        }
        if (!isAllocated.get()) {
            int allocAlign = KernelManagedLayout.grantAlign(grant.type.align());
            int allocSize = grant.allocationSize();
            if (process.allocateGrant(grant.grantNum, grant.driverNum, allocSize, allocAlign).isErr()) {
                return Result.err(ProcessError.OutOfMemory);
            }
            Result<Integer, ProcessError> grantPtr = process.enterGrant(grant.grantNum);
            if (grantPtr.isErr()) {
                return Result.err(grantPtr.unwrapErr());
            }
            try {
                KernelManagedLayout.initializeFromCounts(grant.kernel.memory(), grantPtr.unwrap(), grant.upcalls,
                        grant.allowRos, grant.allowRws);
            } finally {
                // Dropping the freshly initialised layout leaves the grant, as in Tock.
                process.leaveGrant(grant.grantNum);
            }
            process.setGrantData(grant.grantNum, grant.type.defaultValue().get());
        }
        return Result.ok(new ProcessGrantImpl<>(grant, process));
    }

    /** The grant of {@code process} if it is alive and the grant already allocated. */
    static <T> Optional<ProcessGrant<T>> newIfAllocated(GrantImpl<T> grant, Process process) {
        Optional<Boolean> isAllocated = process.grantIsAllocated(grant.grantNum);
        if (isAllocated.isPresent() && isAllocated.get()) {
            return Optional.of(new ProcessGrantImpl<>(grant, process));
        }
        return Optional.empty();
    }

    @Override
    public ProcessId processid() {
        return process.processid();
    }

    @Override
    public <R> R enter(GrantFunction<T, R> fun) {
        return accessGrantWithAllocator((data, kernelData, allocator) -> fun.apply(data, kernelData), true)
                .orElse(null);
    }

    @Override
    public <R> Optional<R> tryEnter(GrantFunction<T, R> fun) {
        return accessGrantWithAllocator((data, kernelData, allocator) -> fun.apply(data, kernelData), false);
    }

    @Override
    public <R> R enterWithAllocator(GrantAllocatorFunction<T, R> fun) {
        return accessGrantWithAllocator(fun, true).orElse(null);
    }

    /**
     * Enters the grant and runs {@code fun}; the grant is left afterwards, also when {@code fun} throws. Entering
     * an entered grant panics if {@code panicOnReenter}, otherwise it is skipped (empty).
     */
    @SuppressWarnings("unchecked")
    private <R> Optional<R> accessGrantWithAllocator(GrantAllocatorFunction<T, R> fun, boolean panicOnReenter) {
        Result<Integer, ProcessError> entered = process.enterGrant(grant.grantNum);
        if (entered.isErr()) {
            if (!panicOnReenter) {
                return Optional.empty();
            }
            throw new KernelPanic("Attempted to re-enter a grant region.");
        }
        int grantPtr = entered.unwrap();
        KernelManagedLayout layout = KernelManagedLayout.readFromBase(grant.kernel.memory(), grantPtr);
        GrantKernelDataImpl kernelData = new GrantKernelDataImpl(grant.kernel.memory(), layout, grant.driverNum,
                process, grant.kernel.config());
        GrantRegionAllocatorImpl allocator = new GrantRegionAllocatorImpl(grant.kernel, process.processid());
        try {
            T data = (T) process.grantData(grant.grantNum)
                    .orElseThrow(() -> new KernelPanic("grant " + grant.grantNum + " allocated without data"));
            return Optional.ofNullable(fun.apply(data, kernelData, allocator));
        } finally {
            kernelData.close();
            process.leaveGrant(grant.grantNum);
        }
    }
}
