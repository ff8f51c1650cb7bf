/**
 * Internal: the JVM userspace runtime, tock4j's architecture — apps as virtual threads that hold the board's
 * CPU token while they run.
 *
 * <pre>{@code
 * var runtime = new JvmProcessRuntime(kernel, chip, token, Hello::new, "hello", codeStart, codeLength, 200);
 * }</pre>
 */
package org.tock4j.kernel.core.runtime;
