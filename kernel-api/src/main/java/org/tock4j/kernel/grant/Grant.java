package org.tock4j.kernel.grant;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * Per-process state of a capsule, kept in each process's grant region.
 *
 * <pre>
 *   Grant&lt;App&gt;  driver 0x1, grant 3
 *        │ enter(processId, fn)      first time: carve it from that process's grant region
 *        ▼
 *   ┌─ process memory ─────────────────────────────────────────┐
 *   │ app memory │ free │ grant allocations │ grant pointers │
 *   └──────────────────────────┬───────────────────────────────┘
 *                              └─ counters │ upcalls │ RO allows │ RW allows │ padding │ T
 * </pre>
 *
 * <p>Entering a grant that is already entered is a kernel panic, as in Tock; {@code leave} always happens,
 * also when the closure throws.
 *
 * <p>Tock counterpart: {@code kernel::grant::Grant}.
 */
public interface Grant<T> {

    /** The driver number the grant was created for. */
    int driverNum();

    /** The grant's number, its index in each process's grant pointer table. */
    int grantNum();

    /**
     * Runs {@code fun} with this grant of process {@code processId}, allocating it first if needed. Fails with
     * {@code NoSuchApp}, {@code InactiveApp} or {@code OutOfMemory}.
     */
    <R> Result<R, ProcessError> enter(ProcessId processId, GrantFunction<T, R> fun);

    <R> Result<R, ProcessError> enterWithAllocator(ProcessId processId, GrantAllocatorFunction<T, R> fun);

    /** Runs {@code fun} for every live process that has this grant allocated; skips the others. */
    void each(GrantEachFunction<T> fun);

    /** The processes that have this grant allocated. */
    Iterable<ProcessGrant<T>> iter();
}
