package org.tock4j.userland.libtock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.tock4j.userland.Syscalls;

/**
 * The console, driver {@code 0x1} (Tock's {@code capsules/core/src/console.rs}): synchronous writes and reads
 * over the board's console UART.
 *
 * <pre>{@code
 * Console console = new Console(sys, heap);
 * console.write("Hello World!\r\n");
 * byte[] line = new byte[16];
 * int received = console.read(line, 0, line.length);     // blocks until 16 bytes arrive (or abortRead)
 * }</pre>
 *
 * <p>A write copies the bytes into a buffer on the {@link Heap} and, for each piece of at most
 * {@code chunkBytes} bytes:
 *
 * <ol>
 *   <li>{@code subscribe(1, 1, writeDone, 0)} once per write;</li>
 *   <li>{@code allowReadOnly(1, 1, buffer, n)};</li>
 *   <li>{@code command(1, 1, n, 0)} putstr;</li>
 *   <li>{@code yield(1, 0, 0)} until the write-done upcall {@code (written, 0, 0)} has run; if the console took
 *       fewer than {@code n} bytes, the rest is sent again;</li>
 * </ol>
 *
 * then {@code allowReadOnly(1, 1, 0, 0)} and {@code subscribe(1, 1, 0, 0)} give the buffer and the upcall back.
 * A read does the same with {@code allowReadWrite(1, 1, buffer, n)}, {@code subscribe(1, 2, readDone, 0)},
 * {@code command(1, 2, n, 0)} getnstr, and the read-done upcall {@code (status, received, 0)};
 * {@code command(1, 3, 0, 0)} aborts a read. Pieces keep each request within the console capsule's own
 * buffer (64 bytes by default), which bounds a receive.
 *
 * <p>While one write (or read) waits, other upcalls run; one of them starting another write (read) on this
 * console gets {@code BUSY}. libtock-c counterpart: {@code libtocksync_console_write},
 * {@code libtocksync_console_read} ({@code libtock-sync/interface/console.h}); libtock-rs counterpart:
 * {@code libtock_console::Console} ({@code write}, {@code read}).
 */
public final class Console {

    public static final int DRIVER_NUM = 0x1;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_WRITE = 1;
    public static final int COMMAND_READ = 2;
    public static final int COMMAND_ABORT_READ = 3;

    public static final int SUBSCRIBE_WRITE_DONE = 1;
    public static final int SUBSCRIBE_READ_DONE = 2;

    public static final int ALLOW_RO_WRITE = 1;
    public static final int ALLOW_RW_READ = 1;

    /** The default piece size: the console capsule's default buffer size. */
    public static final int DEFAULT_CHUNK_BYTES = 64;

    private final Syscalls sys;
    private final Heap heap;
    private final Yield yields;
    private final int chunkBytes;

    private int writeBuffer;
    private int readBuffer;
    private int writeDoneUpcall;
    private int readDoneUpcall;

    private boolean writing;
    private boolean reading;
    private int written;
    private boolean readDone;
    private int readStatus;
    private int readCount;

    public Console(Syscalls sys, Heap heap) {
        this(sys, heap, DEFAULT_CHUNK_BYTES);
    }

    /** A console that writes and reads at most {@code chunkBytes} bytes per request. */
    public Console(Syscalls sys, Heap heap, int chunkBytes) {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, was " + chunkBytes);
        }
        this.sys = Objects.requireNonNull(sys, "sys");
        this.heap = Objects.requireNonNull(heap, "heap");
        this.yields = new Yield(sys, heap);
        this.chunkBytes = chunkBytes;
    }

    /** Whether the board has the console driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** Writes {@code text} in UTF-8 and returns once the console has sent all of it. */
    public void write(CharSequence text) {
        write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} and returns once the console has sent all of them. */
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /** Writes {@code bytes[offset, offset + length)} and returns once the console has sent all of them. */
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return;
        }
        if (writing) {
            throw new TockException(ReturnCode.BUSY, "Console.write", "(a write is already waiting)");
        }
        writing = true;
        try {
            if (writeBuffer == 0) {
                writeBuffer = heap.allocate(chunkBytes);
            }
            if (writeDoneUpcall == 0) {
                writeDoneUpcall = sys.upcallAddress((sent, unused1, unused2, data) -> written = sent);
            }
            SyscallReturns.expectSuccessU32U32(
                    sys.subscribe(DRIVER_NUM, SUBSCRIBE_WRITE_DONE, writeDoneUpcall, 0), "Console.write subscribe");
            int done = 0;
            while (done < length) {
                int piece = Math.min(chunkBytes, length - done);
                sys.memory().write(writeBuffer, bytes, offset + done, piece);
                SyscallReturns.expectSuccessU32U32(
                        sys.allowReadOnly(DRIVER_NUM, ALLOW_RO_WRITE, writeBuffer, piece), "Console.write allow");
                written = -1;
                SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_WRITE, piece, 0), "Console.write",
                        piece);
                yields.yieldFor(() -> written >= 0);
                if (written == 0) {
                    throw new TockException(ReturnCode.FAIL, "Console.write",
                            "(the console sent 0 of " + piece + " bytes)");
                }
                done += Math.min(written, piece);
            }
        } catch (TockException e) {
            release(SUBSCRIBE_WRITE_DONE);
            throw e;
        } finally {
            writing = false;
        }
        release(SUBSCRIBE_WRITE_DONE);
    }

    /**
     * Receives {@code length} bytes into {@code into[offset, ...)} and returns how many arrived: {@code length},
     * or fewer if {@link #abortRead()} cut the read short.
     *
     * @throws TockException with the console's error status (e.g. {@code SIZE}, {@code FAIL}); the bytes
     *     received before it are in {@code into}
     */
    public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (reading) {
            throw new TockException(ReturnCode.BUSY, "Console.read", "(a read is already waiting)");
        }
        reading = true;
        int done = 0;
        try {
            if (readBuffer == 0) {
                readBuffer = heap.allocate(chunkBytes);
            }
            if (readDoneUpcall == 0) {
                readDoneUpcall = sys.upcallAddress((status, received, unused, data) -> {
                    readStatus = status;
                    readCount = received;
                    readDone = true;
                });
            }
            SyscallReturns.expectSuccessU32U32(
                    sys.subscribe(DRIVER_NUM, SUBSCRIBE_READ_DONE, readDoneUpcall, 0), "Console.read subscribe");
            while (done < length) {
                int piece = Math.min(chunkBytes, length - done);
                SyscallReturns.expectSuccessU32U32(
                        sys.allowReadWrite(DRIVER_NUM, ALLOW_RW_READ, readBuffer, piece), "Console.read allow");
                readDone = false;
                SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_READ, piece, 0), "Console.read", piece);
                yields.yieldFor(() -> readDone);
                int received = Math.max(0, Math.min(readCount, piece));
                sys.memory().read(readBuffer, into, offset + done, received);
                done += received;
                ReturnCode status = ReturnCode.fromStatusCode(readStatus);
                if (status == ReturnCode.CANCEL || (status.isSuccess() && received < piece)) {
                    break;
                }
                if (!status.isSuccess()) {
                    throw new TockException(status, "Console.read", "(" + done + " bytes received)");
                }
            }
        } catch (TockException e) {
            release(SUBSCRIBE_READ_DONE);
            throw e;
        } finally {
            reading = false;
        }
        release(SUBSCRIBE_READ_DONE);
        return done;
    }

    /** Receives {@code length} bytes and returns those that arrived (fewer if the read was aborted). */
    public byte[] read(int length) {
        byte[] into = new byte[length];
        int received = read(into, 0, length);
        return received == length ? into : Arrays.copyOf(into, received);
    }

    /** Asks the console to end a waiting read now; the read returns what has arrived so far. */
    public void abortRead() {
        SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_ABORT_READ, 0, 0), "Console.abortRead");
    }

    /** Takes the buffer and the upcall back from the kernel; errors here change nothing for the app. */
    private void release(int subscribeNum) {
        if (subscribeNum == SUBSCRIBE_WRITE_DONE) {
            sys.allowReadOnly(DRIVER_NUM, ALLOW_RO_WRITE, 0, 0);
        } else {
            sys.allowReadWrite(DRIVER_NUM, ALLOW_RW_READ, 0, 0);
        }
        sys.subscribe(DRIVER_NUM, subscribeNum, 0, 0);
    }
}
