package org.tock4j.kernel.syscall;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;

/**
 * A capsule's system call interface: the {@code command}s it implements and the grant it keeps per process.
 * Subscribe and the read-only/read-write allows are handled by the kernel, which stores them in the grant.
 *
 * <pre>{@code
 * final class Led implements SyscallDriver {
 *     public CommandReturn command(int commandNum, int r2, int r3, ProcessId processId) {
 *         return switch (commandNum) {
 *             case 0 -> CommandReturn.successU32(leds.size());
 *             ...
 *             default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
 *         };
 *     }
 *     public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
 *         return grant.enter(processId, (data, kernelData) -> null).map(v -> null);
 *     }
 * }
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::syscall_driver::SyscallDriver}.
 */
public interface SyscallDriver {

    /** Command number 0 always answers success if the driver exists. */
    default CommandReturn command(int commandNum, int r2, int r3, ProcessId processId) {
        return CommandReturn.failure(ErrorCode.NOSUPPORT);
    }

    /** A buffer the process shares with the kernel while still reading it itself. */
    default Result<ReadWriteProcessBuffer, RejectedBuffer> allowUserspaceReadable(
            ProcessId app, int which, ReadWriteProcessBuffer slice) {
        return Result.err(new RejectedBuffer(slice, ErrorCode.NOSUPPORT));
    }

    /**
     * Allocates this driver's grant for the process (by entering it), so the kernel can store upcalls and
     * allows there.
     */
    Result<Void, ProcessError> allocateGrant(ProcessId processId);

    /** A buffer a driver refused, handed back with the reason. */
    record RejectedBuffer(ReadWriteProcessBuffer buffer, ErrorCode error) {}
}
