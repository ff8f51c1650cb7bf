package org.tock4j.kernel.processbuffer;

import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;

/**
 * A buffer a process shared with the kernel that the kernel may read.
 *
 * <p>Tock counterpart: {@code kernel::processbuffer::ReadableProcessBuffer}.
 */
public interface ReadableProcessBuffer {

    /** The length in bytes; 0 if the process that shared it no longer exists. */
    int len();

    /** The start address; 0 for an empty buffer. */
    int ptr();

    /** Runs {@code fun} over the buffer's bytes; {@code NoSuchApp} if the process is gone. */
    <R> Result<R, ProcessError> enter(Function<ReadableProcessSlice, R> fun);
}
