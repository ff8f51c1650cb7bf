package org.tock4j.kernel.grant;

/**
 * What runs inside an entered grant: the process's {@code T} and the kernel-managed data.
 *
 * <p>Tock counterpart: the {@code FnOnce(&mut GrantData<T>, &GrantKernelData) -> R} of {@code enter}.
 */
@FunctionalInterface
public interface GrantFunction<T, R> {
    R apply(T data, GrantKernelData kernelData);
}
