/**
 * Values every layer shares: Tock's {@link org.tock4j.kernel.ErrorCode}, Rust's
 * {@link org.tock4j.kernel.Result} and Tock's {@code panic!} as {@link org.tock4j.kernel.KernelPanic}.
 *
 * <pre>{@code
 * return Result.err(ErrorCode.BUSY);
 * }</pre>
 */
package org.tock4j.kernel;
