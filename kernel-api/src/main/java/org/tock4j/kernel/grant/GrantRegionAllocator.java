package org.tock4j.kernel.grant;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;

/**
 * Allocates more memory in a process's grant region, beyond the grant's {@code T}.
 *
 * <p>Tock counterpart: {@code kernel::grant::GrantRegionAllocator}.
 */
public interface GrantRegionAllocator {

    /** A custom grant of {@code size} bytes aligned to {@code align}, holding {@code init.get()}. */
    <T> Result<CustomGrant<T>, ProcessError> allocWith(int size, int align, Supplier<T> init);

    /**
     * A custom grant of {@code count} items of {@code size} bytes each; {@code OutOfMemory} if
     * {@code size * count} overflows.
     */
    <T> Result<CustomGrant<List<T>>, ProcessError> allocNWith(int count, int size, int align, IntFunction<T> init);
}
