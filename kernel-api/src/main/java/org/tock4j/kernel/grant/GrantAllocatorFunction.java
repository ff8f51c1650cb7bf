package org.tock4j.kernel.grant;

/**
 * What runs inside a grant entered with an allocator for more grant-region memory.
 *
 * <p>Tock counterpart: the closure of {@code enter_with_allocator}.
 */
@FunctionalInterface
public interface GrantAllocatorFunction<T, R> {
    R apply(T data, GrantKernelData kernelData, GrantRegionAllocator allocator);
}
