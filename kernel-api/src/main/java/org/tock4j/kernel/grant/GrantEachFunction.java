package org.tock4j.kernel.grant;

import org.tock4j.kernel.process.ProcessId;

/**
 * What {@link Grant#each} runs for every process with the grant allocated.
 *
 * <p>Tock counterpart: the closure of {@code Grant::each}.
 */
@FunctionalInterface
public interface GrantEachFunction<T> {
    void apply(ProcessId processId, T data, GrantKernelData kernelData);
}
