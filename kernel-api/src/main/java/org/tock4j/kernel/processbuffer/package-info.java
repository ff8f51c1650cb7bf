/**
 * Process buffers: memory a process shares with a capsule through allow, read and written in place.
 *
 * <pre>{@code
 * kernelData.getReadonlyProcessbuffer(1).andThen(buffer -> buffer.enter(slice -> {
 *     byte[] out = new byte[Math.min(slice.len(), tx.length)];
 *     slice.subslice(0, out.length).copyToSlice(out);
 *     return out.length;
 * }));
 * }</pre>
 *
 * <p>A buffer is bound to the process that shared it: once the process is gone or restarted it reads as empty
 * and {@code enter} answers {@code NoSuchApp}.
 */
package org.tock4j.kernel.processbuffer;
