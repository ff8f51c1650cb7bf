package org.tock4j.kernel.processbuffer;

import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/** What the two buffer kinds share: the process check before any byte is touched. */
final class ProcessBufferAccess {
    private ProcessBufferAccess() {}

    static int len(ProcessId processId, int len) {
        return processId != null && processId.kernel().processidIsValid(processId) ? len : 0;
    }

    static <S, R> Result<R, ProcessError> enter(
            ProcessId processId, Function<? super S, R> fun, java.util.function.Supplier<S> slice) {
        if (processId == null || !processId.kernel().processidIsValid(processId)) {
            return Result.err(ProcessError.NoSuchApp);
        }
        return Result.ok(fun.apply(slice.get()));
    }
}
