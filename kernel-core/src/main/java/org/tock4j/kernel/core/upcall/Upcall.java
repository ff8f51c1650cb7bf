package org.tock4j.kernel.core.upcall;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.KernelConfig;
import org.tock4j.kernel.process.FunctionCall;
import org.tock4j.kernel.process.FunctionCallSource;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ReturnArguments;
import org.tock4j.kernel.process.Task;
import org.tock4j.kernel.syscall.SyscallReturn;
import org.tock4j.kernel.upcall.UpcallError;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * An upcall as a process subscribed it: who, which, its application data and function pointer (0 for the
 * null upcall, whose values can only be returned to userspace).
 *
 * <p>Tock counterpart: {@code kernel::upcall::Upcall}.
 */
public record Upcall(ProcessId processId, UpcallId upcallId, int appdata, int fnPtr) {

    /**
     * Queues this upcall with values {@code r0..r2} on {@code process}: a function call, or a return value for the
     * null upcall. A full queue is {@code QueueFull}; a process that is not alive is {@code KernelError}.
     */
    public Result<Void, UpcallError> schedule(Process process, int r0, int r1, int r2, KernelConfig config) {
        Task task = fnPtr == 0
                ? new Task.ReturnValue(new ReturnArguments(upcallId, r0, r1, r2))
                : new Task.FunctionCallTask(new FunctionCall(
                        new FunctionCallSource.Driver(upcallId), r0, r1, r2, appdata, fnPtr));
        Result<Void, ErrorCode> enqueued = process.enqueueTask(task);
        Result<Void, UpcallError> res;
        if (enqueued.isOk()) {
            res = Result.ok();
        } else if (enqueued.unwrapErr() == ErrorCode.NOMEM) {
            res = Result.err(UpcallError.QueueFull);
        } else {
            res = Result.err(UpcallError.KernelError);
        }
        if (config.traceSyscalls()) {
            config.debug().accept(String.format("[%s] schedule[%#x:%d] @%#x(%#x, %#x, %#x, %#x) = %s", processId,
                    upcallId.driverNum(), upcallId.subscribeNum(), fnPtr, r0, r1, r2, appdata, describe(res)));
        }
        return res;
    }

    public SyscallReturn intoSubscribeSuccess() {
        return new SyscallReturn.SubscribeSuccess(fnPtr, appdata);
    }

    public SyscallReturn intoSubscribeFailure(ErrorCode err) {
        return new SyscallReturn.SubscribeFailure(err, fnPtr, appdata);
    }

    private static String describe(Result<Void, UpcallError> r) {
        return r.isOk() ? "Ok(())" : "Err(" + r.unwrapErr() + ")";
    }
}
