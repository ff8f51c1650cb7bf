package org.tock4j.kernel.grant;

import java.util.Optional;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.upcall.UpcallError;

/**
 * The kernel-managed part of an entered grant: the upcalls and buffers a process gave this driver.
 *
 * <pre>{@code
 * grant.enter(processId, (app, kernelData) -> {
 *     kernelData.scheduleUpcall(0, length, 0, 0);
 *     return null;
 * });
 * }</pre>
 *
 * <p>Valid only inside the closure it was handed to.
 *
 * <p>Tock counterpart: {@code kernel::grant::GrantKernelData}.
 */
public interface GrantKernelData {

    /**
     * Queues upcall {@code subscribeNum} with values {@code r0..r2}; {@code InvalidSubscribeNum} if the number is
     * not below the grant's upcall count, {@code QueueFull} if the process's queue is full.
     */
    Result<Void, UpcallError> scheduleUpcall(int subscribeNum, int r0, int r1, int r2);

    /** Removes the first queued upcall {@code subscribeNum} of this driver. */
    Optional<Task> removeUpcall(int subscribeNum);

    /** Removes every queued upcall {@code subscribeNum} of this driver; returns how many. */
    int removePendingUpcalls(int subscribeNum);

    /** The read-only buffer at {@code allowRoNum} (empty if none); {@code AddressOutOfBounds} past the count. */
    Result<ReadOnlyProcessBuffer, ProcessError> getReadonlyProcessbuffer(int allowRoNum);

    /** The read-write buffer at {@code allowRwNum} (empty if none); {@code AddressOutOfBounds} past the count. */
    Result<ReadWriteProcessBuffer, ProcessError> getReadwriteProcessbuffer(int allowRwNum);
}
