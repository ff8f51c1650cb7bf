package org.tock4j.kernel.processbuffer;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.platform.PhysicalMemory;

/**
 * The bytes of a read-write process buffer, read and written in place.
 *
 * <p>Tock counterpart: {@code kernel::processbuffer::WriteableProcessSlice}.
 */
public final class WriteableProcessSlice extends ReadableProcessSlice {

    WriteableProcessSlice(PhysicalMemory memory, int address, int length) {
        super(memory, address, length);
    }

    public void set(int index, byte value) {
        checkIndex(index);
        memory.write8(address + index, value);
    }

    /** Copies {@code src}, which must have exactly {@link #len()} bytes, into the slice. */
    public void copyFromSlice(byte[] src) {
        if (src.length != length) {
            throw new IllegalArgumentException(
                    "copyFromSlice: source has " + src.length + " bytes, slice has " + length);
        }
        memory.write(address, src, 0, length);
    }

    /** Copies {@code src} into the slice; {@code SIZE} when the lengths differ. */
    public Result<Void, ErrorCode> copyFromSliceOrErr(byte[] src) {
        if (src.length != length) {
            return Result.err(ErrorCode.SIZE);
        }
        memory.write(address, src, 0, length);
        return Result.ok();
    }

    /** Copies {@code count} bytes of {@code src} from {@code offset} into the slice at {@code to}. */
    public void copyFrom(byte[] src, int offset, int to, int count) {
        checkRange(to, to + count);
        memory.write(address + to, src, offset, count);
    }

    @Override
    public WriteableProcessSlice subslice(int from, int to) {
        checkRange(from, to);
        return new WriteableProcessSlice(memory, address + from, to - from);
    }
}
