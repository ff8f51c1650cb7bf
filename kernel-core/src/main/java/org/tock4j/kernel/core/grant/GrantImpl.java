package org.tock4j.kernel.core.grant;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantAllocatorFunction;
import org.tock4j.kernel.grant.GrantEachFunction;
import org.tock4j.kernel.grant.GrantFunction;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * A grant of the kernel: a driver number, a grant number and the shape of {@code T}.
 *
 * <p>Tock counterpart: {@code kernel::grant::Grant}.
 */
public final class GrantImpl<T> implements Grant<T> {
    final Kernel kernel;
    final int driverNum;
    final int grantNum;
    final GrantType<T> type;
    final int upcalls;
    final int allowRos;
    final int allowRws;

    /** Only {@link Kernel#createGrant} makes grants, so that grant numbers are the kernel's. */
    public GrantImpl(Kernel kernel, int driverNum, int grantNum, GrantType<T> type, UpcallCount upcalls,
            AllowRoCount allowRos, AllowRwCount allowRws) {
        this.kernel = kernel;
        this.driverNum = driverNum;
        this.grantNum = grantNum;
        this.type = type;
        this.upcalls = upcalls.count();
        this.allowRos = allowRos.count();
        this.allowRws = allowRws.count();
    }

    @Override
    public int driverNum() {
        return driverNum;
    }

    @Override
    public int grantNum() {
        return grantNum;
    }

    /** The bytes one allocation of this grant takes in a grant region. */
    public int allocationSize() {
        return KernelManagedLayout.grantSize(upcalls, allowRos, allowRws, type.size(), type.align());
    }

    @Override
    public <R> Result<R, ProcessError> enter(ProcessId processId, GrantFunction<T, R> fun) {
        return ProcessGrantImpl.create(this, processId).map(pg -> pg.enter(fun));
    }

    @Override
    public <R> Result<R, ProcessError> enterWithAllocator(ProcessId processId, GrantAllocatorFunction<T, R> fun) {
        return ProcessGrantImpl.create(this, processId).map(pg -> pg.enterWithAllocator(fun));
    }

    @Override
    public void each(GrantEachFunction<T> fun) {
        for (ProcessGrant<T> pg : iter()) {
            ProcessId processId = pg.processid();
            pg.enter((data, kernelData) -> {
                fun.apply(processId, data, kernelData);
                return null;
            });
        }
    }

    /**
     * The processes with this grant allocated, found lazily as Tock's {@code Iter} does: a process is checked when
     * the iteration reaches it, so one that died meanwhile (say, in an earlier {@link #each} closure) is skipped.
     */
    @Override
    public Iterable<ProcessGrant<T>> iter() {
        return () -> new Iterator<>() {
            private final Iterator<Process> processes = kernel.getProcessIter().iterator();
            private ProcessGrant<T> next;

            @Override
            public boolean hasNext() {
                while (next == null && processes.hasNext()) {
                    next = ProcessGrantImpl.newIfAllocated(GrantImpl.this, processes.next()).orElse(null);
                }
                return next != null;
            }

            @Override
            public ProcessGrant<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ProcessGrant<T> found = next;
                next = null;
                return found;
            }
        };
    }

    @Override
    public String toString() {
        return "Grant(driver 0x" + Integer.toHexString(driverNum) + ", grant " + grantNum + ")";
    }
}
