package org.tock4j.kernel.processbuffer;

import java.util.function.Function;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ExternalProcessCapability;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;

/**
 * A read-only buffer a process shared with allow-readonly. It may lie in the process's RAM or flash; it stays
 * bound to the process that shared it and reads as empty once that process is gone or restarted.
 *
 * <p>Tock counterpart: {@code kernel::processbuffer::ReadOnlyProcessBuffer}.
 */
public final class ReadOnlyProcessBuffer implements ReadableProcessBuffer {
    private static final ReadOnlyProcessBuffer EMPTY = new ReadOnlyProcessBuffer(0, 0, null);

    private final int ptr;
    private final int len;
    private final ProcessId processId;

    private ReadOnlyProcessBuffer(int ptr, int len, ProcessId processId) {
        this.ptr = ptr;
        this.len = len;
        this.processId = processId;
    }

    /** A buffer over memory the kernel has already validated for {@code processId}. */
    public static ReadOnlyProcessBuffer newExternal(
            int ptr, int len, ProcessId processId, ExternalProcessCapability capability) {
        if (capability == null) {
            throw new IllegalArgumentException("building a process buffer needs an ExternalProcessCapability");
        }
        return new ReadOnlyProcessBuffer(ptr, len, processId);
    }

    /** The empty buffer no process shared (Tock's {@code Default}). */
    public static ReadOnlyProcessBuffer empty() {
        return EMPTY;
    }

    @Override
    public int len() {
        return ProcessBufferAccess.len(processId, len);
    }

    @Override
    public int ptr() {
        return len == 0 ? 0 : ptr;
    }

    /** The pointer and length as stored, for handing back to userspace. */
    public int rawPtr() {
        return ptr;
    }

    public int rawLen() {
        return len;
    }

    @Override
    public <R> Result<R, ProcessError> enter(Function<ReadableProcessSlice, R> fun) {
        return ProcessBufferAccess.enter(processId, fun,
                () -> new ReadableProcessSlice(processId.kernel().memory(), ptr, len));
    }

    @Override
    public String toString() {
        return "ReadOnlyProcessBuffer(0x" + Integer.toHexString(ptr) + ", " + len + ")";
    }
}
