package org.tock4j.kernel.core.grant;

import java.util.Optional;
import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.core.Kernel;
import org.tock4j.kernel.grant.CustomGrant;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessCustomGrantIdentifier;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * Grant-region memory a capsule allocated beside its grant.
 *
 * <p>Tock counterpart: {@code kernel::grant::CustomGrant}.
 */
final class CustomGrantImpl<T> implements CustomGrant<T> {
    private final Kernel kernel;
    private final ProcessCustomGrantIdentifier identifier;
    private final ProcessId processId;

    CustomGrantImpl(Kernel kernel, ProcessCustomGrantIdentifier identifier, ProcessId processId) {
        this.kernel = kernel;
        this.identifier = identifier;
        this.processId = processId;
    }

    @Override
    public ProcessId processid() {
        return processId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Result<R, ProcessError> enter(Function<T, R> fun) {
        Optional<Process> process = kernel.getProcess(processId);
        if (process.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        Result<Integer, ProcessError> ptr = process.get().enterCustomGrant(identifier);
        if (ptr.isErr()) {
            return Result.err(ptr.unwrapErr());
        }
        Optional<Object> data = process.get().customGrantData(identifier);
        if (data.isEmpty()) {
            return Result.err(ProcessError.NoSuchApp);
        }
        return Result.ok(fun.apply((T) data.get()));
    }
}
