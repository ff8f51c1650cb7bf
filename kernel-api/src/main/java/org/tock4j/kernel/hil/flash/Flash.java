package org.tock4j.kernel.hil.flash;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;

/**
 * Page-wise flash, split-phase: read, write and erase whole pages.
 *
 * <p>Tock counterpart: {@code hil::flash::Flash} (with {@code Page = [u8; pageSize()]}).
 */
public interface Flash {
    /** Bytes per page. */
    int pageSize();

    void setClient(Client client);

    /** Reads page {@code pageNumber} into {@code page} ({@link #pageSize()} bytes); the buffer comes back. */
    Result<Void, RejectedPage> readPage(int pageNumber, byte[] page);

    Result<Void, RejectedPage> writePage(int pageNumber, byte[] page);

    Result<Void, ErrorCode> erasePage(int pageNumber);

    /** A page buffer handed back because the request could not start. */
    record RejectedPage(ErrorCode error, byte[] page) {}
}
