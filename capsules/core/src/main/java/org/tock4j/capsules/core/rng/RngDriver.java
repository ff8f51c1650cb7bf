package org.tock4j.capsules.core.rng;

import java.util.Iterator;
import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.rng.Client;
import org.tock4j.kernel.hil.rng.Continue;
import org.tock4j.kernel.hil.rng.Rng;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.processbuffer.WriteableProcessSlice;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The random number system call driver (driver number {@code 0x40001}): a process asks for random bytes and
 * gets them in a buffer it shared.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>arguments</th><th>meaning and return</th></tr>
 *   <tr><td>allow-readwrite</td><td>0</td><td colspan="2">where the random bytes go</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td colspan="2">done: upcall {@code (0, bytesWritten, 0)}</td></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>{@code count}</td><td>fills the first {@code count} bytes of the
 *       buffer (fewer if it is shorter): {@code Success}, then the upcall; {@code Failure(INVAL)} for a
 *       process that no longer exists, {@code Failure(NOMEM)} when its grant cannot be allocated</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 * </table>
 *
 * <p>A new command 1 replaces the process's request in progress. One hardware request serves every process:
 * each batch of random words fills the waiting processes in process order, four bytes per word in
 * little-endian order; a process whose request is complete gets its upcall, and the first one still short
 * asks the RNG for more. A process that swaps its buffer for one shorter than what was already written gets
 * {@code (0, 0, 0)}. A request for 0 bytes is never answered, as in Tock.
 *
 * <p>Tock counterpart: {@code capsules_core::rng::RngDriver}.
 */
public final class RngDriver implements SyscallDriver, Client {

    /** Allow-readwrite number of the buffer to fill. */
    public static final int RW_BUFFER = 0;
    /** Subscribe number of the done upcall. */
    public static final int UPCALL_NUM = 0;
    public static final UpcallCount UPCALLS = UpcallCount.of(1);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(1);
    /** {@code App} on a 32-bit MCU: two {@code usize}. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 8, 4);

    private final Rng rng;
    private final Grant<App> apps;
    private boolean gettingRandomness;

    public RngDriver(Rng rng, Grant<App> grant) {
        this.rng = Objects.requireNonNull(rng, "rng");
        this.apps = Objects.requireNonNull(grant, "grant");
    }

    @Override
    public CommandReturn command(int commandNum, int data, int unused, ProcessId processId) {
        return switch (commandNum) {
            case 0 -> CommandReturn.success();
            case 1 -> {
                boolean[] needsGet = {false};
                Result<Void, ProcessError> entered = apps.enter(processId, (app, kernelData) -> {
                    app.remaining = Integer.toUnsignedLong(data);
                    app.idx = 0;
                    // The process may die or swap its buffer before the bytes arrive; that is handled then.
                    if (!gettingRandomness) {
                        gettingRandomness = true;
                        needsGet[0] = true;
                    }
                    return (Void) null;
                });
                if (needsGet[0] && rng.get().isErr()) {
                    // No callback will come: let the next request start the RNG again.
                    gettingRandomness = false;
                }
                yield entered instanceof Result.Err<Void, ProcessError>(ProcessError error)
                        ? CommandReturn.from(error)
                        : CommandReturn.success();
            }
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }

    /** Hands the words to the waiting processes in order; {@code More} while one is still short. */
    @Override
    public Continue randomnessAvailable(Iterator<Integer> randomness, Result<Void, ErrorCode> error) {
        boolean done = true;
        for (ProcessGrant<App> cntr : apps.iter()) {
            done = cntr.enter((app, kernelData) -> {
                if (app.remaining == 0) {
                    return true;
                }
                long[] progress = kernelData.getReadwriteProcessbuffer(RW_BUFFER)
                        .andThen(buffer -> buffer.mutEnter(slice -> fill(slice, app.idx, app.remaining, randomness)))
                        // The process is gone, or shared no buffer: end its request.
                        .unwrapOr(new long[] {0, 0});
                app.idx = (int) progress[0];
                app.remaining = progress[1];
                if (app.remaining > 0) {
                    return false;
                }
                kernelData.scheduleUpcall(UPCALL_NUM, 0, app.idx, 0);
                return true;
            });
            // This process is still short, so no randomness is left for the ones after it.
            if (!done) {
                break;
            }
        }
        if (done) {
            gettingRandomness = false;
            return Continue.Done;
        }
        return Continue.More;
    }

    /**
     * Writes random bytes into {@code slice} from {@code idx}, at most {@code remaining} and no further than
     * its end, one word per four bytes; returns the new {@code (idx, remaining)}.
     */
    private static long[] fill(WriteableProcessSlice slice, int idx, long remaining, Iterator<Integer> randomness) {
        int len = slice.len();
        if (len < idx) {
            // The process swapped in a buffer that no longer reaches idx: end the request.
            return new long[] {0, 0};
        }
        long left = Math.min(remaining, len - idx);
        int at = idx;
        while (left > 0 && randomness.hasNext()) {
            int word = randomness.next();
            for (int b = 0; b < 4 && left > 0; b++) {
                slice.set(at, (byte) (word >>> (8 * b)));
                at++;
                left--;
            }
        }
        return new long[] {at, left};
    }
}
