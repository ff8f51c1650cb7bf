package org.tock4j.kernel.processbuffer;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The bytes of a process buffer, read in place: what a capsule sees inside {@code enter}. Valid only inside
 * the closure it was handed to.
 *
 * <p>Tock counterpart: {@code kernel::processbuffer::ReadableProcessSlice}.
 */
public class ReadableProcessSlice {
    final PhysicalMemory memory;
    final int address;
    final int length;

    ReadableProcessSlice(PhysicalMemory memory, int address, int length) {
        this.memory = memory;
        this.address = address;
        this.length = length;
    }

    public int len() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The byte at {@code index}; out of range is a kernel bug, as slice indexing panics in Tock. */
    public byte get(int index) {
        checkIndex(index);
        return memory.read8(address + index);
    }

    /** Copies the whole slice into {@code dest}, which must have exactly {@link #len()} bytes. */
    public void copyToSlice(byte[] dest) {
        if (dest.length != length) {
            throw new IllegalArgumentException(
                    "copyToSlice: destination has " + dest.length + " bytes, slice has " + length);
        }
        memory.read(address, dest, 0, length);
    }

    /** Copies the whole slice into {@code dest}; {@code SIZE} when the lengths differ. */
    public Result<Void, ErrorCode> copyToSliceOrErr(byte[] dest) {
        if (dest.length != length) {
            return Result.err(ErrorCode.SIZE);
        }
        memory.read(address, dest, 0, length);
        return Result.ok();
    }

    /** Copies {@code count} bytes starting at {@code from} into {@code dest} at {@code offset}. */
    public void copyTo(int from, byte[] dest, int offset, int count) {
        checkRange(from, from + count);
        memory.read(address + from, dest, offset, count);
    }

    /** The bytes {@code [from, to)}. */
    public ReadableProcessSlice subslice(int from, int to) {
        checkRange(from, to);
        return new ReadableProcessSlice(memory, address + from, to - from);
    }

    /** A copy of the bytes, for logging and tests. */
    public byte[] toArray() {
        byte[] out = new byte[length];
        memory.read(address, out, 0, length);
        return out;
    }

    final void checkIndex(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " out of a process slice of " + length);
        }
    }

    final void checkRange(int from, int to) {
        if (from < 0 || to < from || to > length) {
            throw new IndexOutOfBoundsException(
                    "range " + from + ".." + to + " out of a process slice of " + length);
        }
    }
}
