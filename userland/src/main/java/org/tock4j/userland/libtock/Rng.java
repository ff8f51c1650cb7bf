package org.tock4j.userland.libtock;

import java.util.Arrays;
import java.util.Objects;
import org.tock4j.userland.Syscalls;

/**
 * The random number generator, driver {@code 0x40001} (Tock's {@code capsules/core/src/rng.rs}): synchronous
 * requests for random bytes.
 *
 * <pre>{@code
 * Rng rng = new Rng(sys, heap);
 * byte[] key = rng.randomBytes(16);
 * }</pre>
 *
 * <p>A request for {@code n} bytes uses a buffer on the {@link Heap} and, for each piece of at most
 * {@code chunkBytes} bytes:
 *
 * <ol>
 *   <li>{@code subscribe(0x40001, 0, done, 0)} once per request;</li>
 *   <li>{@code allowReadWrite(0x40001, 0, buffer, piece)};</li>
 *   <li>{@code command(0x40001, 1, piece, 0)};</li>
 *   <li>{@code yield(1, 0, 0)} until the done upcall {@code (0, received, 0)} has run, then the {@code received}
 *       bytes are copied out of the buffer;</li>
 * </ol>
 *
 * then {@code allowReadWrite(0x40001, 0, 0, 0)} and {@code subscribe(0x40001, 0, 0, 0)} give the buffer and the
 * upcall back, also after a failure. {@code command(0x40001, 0, 0, 0)} answers whether the driver exists.
 *
 * <p>The kernel fills fewer bytes than asked only when the buffer it writes to became shorter; the request then
 * ends with what arrived. A non-zero first upcall value is taken as an error status. While a request waits,
 * other upcalls run; one of them starting another request on this {@code Rng} gets {@code BUSY}. The buffer is
 * allocated on first use and kept; the upcall function is registered once.
 *
 * <p>libtock-c counterpart: {@code libtocksync_rng_get_random_bytes} ({@code libtock-sync/peripherals/rng.h});
 * libtock-rs counterpart: {@code libtock_rng::Rng::get_bytes_sync}.
 */
public final class Rng {

    public static final int DRIVER_NUM = 0x40001;

    public static final int COMMAND_EXISTS = 0;
    public static final int COMMAND_GET_RANDOM = 1;

    /** The subscribe number of the done upcall, whose values are {@code (0, received, 0)}. */
    public static final int SUBSCRIBE_DONE = 0;

    /** The allow-readwrite number of the buffer the kernel fills. */
    public static final int ALLOW_RW_BUFFER = 0;

    /** The default piece size. */
    public static final int DEFAULT_CHUNK_BYTES = 64;

    private final Syscalls sys;
    private final Heap heap;
    private final Yield yields;
    private final int chunkBytes;

    private int buffer;
    private int doneUpcall;
    private boolean requesting;
    private boolean done;
    private int doneStatus;
    private int doneCount;

    public Rng(Syscalls sys, Heap heap) {
        this(sys, heap, DEFAULT_CHUNK_BYTES);
    }

    /** An RNG that asks for at most {@code chunkBytes} bytes per request, through a buffer of that size. */
    public Rng(Syscalls sys, Heap heap, int chunkBytes) {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, was " + chunkBytes);
        }
        this.sys = Objects.requireNonNull(sys, "sys");
        this.heap = Objects.requireNonNull(heap, "heap");
        this.yields = new Yield(sys, heap);
        this.chunkBytes = chunkBytes;
    }

    /** Whether the board has the RNG driver. */
    public boolean exists() {
        return sys.command(DRIVER_NUM, COMMAND_EXISTS, 0, 0).isSuccess();
    }

    /** Returns {@code count} random bytes (fewer only if the kernel delivered fewer; see the class comment). */
    public byte[] randomBytes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        byte[] into = new byte[count];
        int received = fill(into, 0, count);
        return received == count ? into : Arrays.copyOf(into, received);
    }

    /** Fills {@code into} with random bytes and returns how many arrived. */
    public int fill(byte[] into) {
        return fill(into, 0, into.length);
    }

    /**
     * Writes {@code length} random bytes to {@code into[offset, ...)} and returns how many arrived:
     * {@code length}, or fewer if the kernel delivered fewer. A length of 0 makes no system call.
     */
    public int fill(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (requesting) {
            throw new TockException(ReturnCode.BUSY, "Rng.fill", "(a request is already waiting)");
        }
        requesting = true;
        int filled = 0;
        try {
            if (buffer == 0) {
                buffer = heap.allocate(chunkBytes);
            }
            if (doneUpcall == 0) {
                doneUpcall = sys.upcallAddress((status, received, unused, data) -> {
                    doneStatus = status;
                    doneCount = received;
                    done = true;
                });
            }
            SyscallReturns.expectSuccessU32U32(sys.subscribe(DRIVER_NUM, SUBSCRIBE_DONE, doneUpcall, 0),
                    "Rng.fill subscribe");
            while (filled < length) {
                int piece = Math.min(chunkBytes, length - filled);
                SyscallReturns.expectSuccessU32U32(sys.allowReadWrite(DRIVER_NUM, ALLOW_RW_BUFFER, buffer, piece),
                        "Rng.fill allow");
                done = false;
                SyscallReturns.expectSuccess(sys.command(DRIVER_NUM, COMMAND_GET_RANDOM, piece, 0), "Rng.fill",
                        piece);
                yields.yieldFor(() -> done);
                ReturnCode status = ReturnCode.fromStatusCode(doneStatus);
                if (!status.isSuccess()) {
                    throw new TockException(status, "Rng.fill", "(" + filled + " bytes received)");
                }
                int received = Math.max(0, Math.min(doneCount, piece));
                sys.memory().read(buffer, into, offset + filled, received);
                filled += received;
                if (received < piece) {
                    break;
                }
            }
        } catch (TockException e) {
            release();
            throw e;
        } finally {
            requesting = false;
        }
        release();
        return filled;
    }

    /** Takes the buffer and the upcall back from the kernel; errors here change nothing for the app. */
    private void release() {
        sys.allowReadWrite(DRIVER_NUM, ALLOW_RW_BUFFER, 0, 0);
        sys.subscribe(DRIVER_NUM, SUBSCRIBE_DONE, 0, 0);
    }
}
