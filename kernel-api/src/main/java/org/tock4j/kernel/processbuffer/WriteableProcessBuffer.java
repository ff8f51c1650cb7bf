package org.tock4j.kernel.processbuffer;

import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;

/**
 * A buffer a process shared with the kernel that the kernel may also write.
 *
 * <p>Tock counterpart: {@code kernel::processbuffer::WriteableProcessBuffer}.
 */
public interface WriteableProcessBuffer extends ReadableProcessBuffer {

    <R> Result<R, ProcessError> mutEnter(Function<WriteableProcessSlice, R> fun);
}
