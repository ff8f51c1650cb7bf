package org.tock4j.benchmarks.capsule;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.deferred.DeferredCall;
import org.tock4j.kernel.deferred.DeferredCallClient;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The capsule the benchmarks talk to: a command that succeeds at once (the cheapest system call there is), a
 * console-shaped write whose completion upcall comes from a deferred call, and a "batch" upcall through which
 * the host starts a round of work in every subscribed process.
 *
 * <table>
 *   <caption>System call interface (driver {@value #DRIVER_NUM})</caption>
 *   <tr><th>call</th><th>number</th><th>meaning</th></tr>
 *   <tr><td>command</td><td>0</td><td>driver present: {@code Success}</td></tr>
 *   <tr><td>command</td><td>1</td><td>nothing at all: {@code Success}</td></tr>
 *   <tr><td>command</td><td>2</td><td>"write" read-only allow 0: {@code Success}, then upcall 0 with the
 *       buffer's length from a deferred call, as a console write completes; {@code BUSY} while one is
 *       pending</td></tr>
 *   <tr><td>subscribe</td><td>0</td><td>write done: {@code (length, 0, 0)}</td></tr>
 *   <tr><td>subscribe</td><td>1</td><td>batch: {@code (size, 0, 0)}, scheduled by the host
 *       ({@link #startBatch})</td></tr>
 *   <tr><td>allow read-only</td><td>0</td><td>the buffer to "write"</td></tr>
 * </table>
 *
 * <p>Tock counterpart: none; its shape is that of {@code capsules_core::console::Console}.
 */
public final class BenchDriver implements SyscallDriver, DeferredCallClient {
    /** A number in Tock's range for out-of-tree drivers. */
    public static final int DRIVER_NUM = 0x9_0B00;
    public static final int CMD_EXISTS = 0;
    public static final int CMD_NOP = 1;
    public static final int CMD_WRITE = 2;
    public static final int UPCALL_WRITE_DONE = 0;
    public static final int UPCALL_BATCH = 1;
    public static final int ALLOW_RO_WRITE = 0;

    /** Per-process state: whether a write is in flight. */
    public static final class App {
        boolean writing;
    }

    /** {@code App}: one flag, word aligned, as a Rust struct with a bool would be padded. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 4, 4);
    public static final UpcallCount UPCALLS = UpcallCount.of(2);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(1);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);

    private final Grant<App> apps;
    private final DeferredCall deferredCall;

    public BenchDriver(Grant<App> apps, DeferredCall deferredCall) {
        this.apps = apps;
        this.deferredCall = deferredCall;
    }

    /** The capsule's grant, for the grant benchmarks. */
    public Grant<App> grant() {
        return apps;
    }

    @Override
    public CommandReturn command(int commandNum, int arg0, int arg1, ProcessId processId) {
        return switch (commandNum) {
            case CMD_EXISTS, CMD_NOP -> CommandReturn.success();
            case CMD_WRITE -> startWrite(processId);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    private CommandReturn startWrite(ProcessId processId) {
        Result<Boolean, ProcessError> started = apps.enter(processId, (app, kernelData) -> {
            if (app.writing) {
                return false;
            }
            app.writing = true;
            return true;
        });
        if (started.isErr()) {
            return CommandReturn.from(started.unwrapErr());
        }
        if (!started.unwrap()) {
            return CommandReturn.failure(ErrorCode.BUSY);
        }
        deferredCall.set();
        return CommandReturn.success();
    }

    /** Completes every write in flight: the "transmission" is over, each writer hears how much went out. */
    @Override
    public void handleDeferredCall() {
        apps.each((processId, app, kernelData) -> {
            if (app.writing) {
                app.writing = false;
                int length = kernelData.getReadonlyProcessbuffer(ALLOW_RO_WRITE).map(buffer -> buffer.len())
                        .unwrapOr(0);
                kernelData.scheduleUpcall(UPCALL_WRITE_DONE, length, 0, 0);
            }
        });
    }

    @Override
    public void register() {
        deferredCall.register(this);
    }

    /**
     * Schedules the batch upcall with {@code size} in every process that has this capsule's grant. Called from
     * the host while the board is not running.
     */
    public void startBatch(int size) {
        apps.each((processId, app, kernelData) -> kernelData.scheduleUpcall(UPCALL_BATCH, size, 0, 0));
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }
}
