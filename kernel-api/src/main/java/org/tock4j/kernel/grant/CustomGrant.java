package org.tock4j.kernel.grant;

import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * Extra grant-region memory a capsule allocated for one process with a {@link GrantRegionAllocator}.
 *
 * <p>Tock counterpart: {@code kernel::grant::CustomGrant}.
 */
public interface CustomGrant<T> {

    ProcessId processid();

    /** Runs {@code fun} with the value; {@code NoSuchApp} if the process restarted or died since. */
    <R> Result<R, ProcessError> enter(Function<T, R> fun);
}
