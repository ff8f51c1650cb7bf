package org.tock4j.kernel.core.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.kernel.upcall.UpcallError;

/**
 * A capsule that really uses what processes give it, for the fuzzer: it writes into read-write buffers, reads
 * read-only ones, schedules upcalls (also to other processes), keeps userspace-readable buffers, answers with
 * every command return variant, and remembers every buffer it was ever handed so the fuzzer can check that none
 * outlives its process.
 *
 * <pre>
 *   command 0          Success                 command 3 (n)         schedule upcall n to the caller
 *   command 1 (n, b)   fill RW buffer n with b command 4 (slot)      schedule upcall 0 to another process
 *   command 2 (n)      sum of RO buffer n      command 5 (v)         return variant v % 10
 *   userspace-readable allow 0 accepted, others NOSUPPORT
 * </pre>
 */
final class BufferCapsule implements SyscallDriver {
    static final GrantType<Object> STATE = GrantType.of(Object::new, 12, 4);

    /** A write the capsule made into a process's buffer. */
    record Write(ProcessId processId, int address, int length) {}

    /** A buffer the capsule got, with the app memory bounds of its process at that moment. */
    record Held(ProcessId processId, int ptr, int len, ReadWriteProcessBuffer rw, ReadOnlyProcessBuffer ro) {}

    private final Grant<Object> grant;
    private final int driverNum;
    final List<Write> writes = new ArrayList<>();
    final List<Held> held = new ArrayList<>() {
        @Override
        public boolean add(Held h) {
            if (size() >= 128) {
                remove(0);                                      // keep the checks cheap: the most recent ones
            }
            return super.add(h);
        }
    };
    private final Map<ProcessId, ReadWriteProcessBuffer> userspaceReadable = new HashMap<>();
    int queueFull;

    BufferCapsule(Grant<Object> grant, int driverNum) {
        this.grant = grant;
        this.driverNum = driverNum;
    }

    int driverNum() {
        return driverNum;
    }

    @Override
    public CommandReturn command(int commandNum, int arg0, int arg1, ProcessId processId) {
        return switch (commandNum) {
            case 0 -> CommandReturn.success();
            case 1 -> fill(processId, arg0, (byte) arg1);
            case 2 -> sum(processId, arg0);
            case 3 -> schedule(processId, arg0, arg1);
            case 4 -> notifyOther(arg0);
            case 5 -> variant(arg0);
            default -> CommandReturn.failure(ErrorCode.NOSUPPORT);
        };
    }

    private CommandReturn fill(ProcessId processId, int n, byte value) {
        Result<CommandReturn, ProcessError> r = grant.enter(processId, (data, kernelData) -> {
            Result<ReadWriteProcessBuffer, ProcessError> buffer = kernelData.getReadwriteProcessbuffer(n);
            if (buffer.isErr()) {
                return CommandReturn.failure(ErrorCode.INVAL);
            }
            ReadWriteProcessBuffer b = buffer.unwrap();
            held.add(new Held(processId, b.ptr(), b.len(), b, null));
            b.mutEnter(slice -> {
                if (!slice.isEmpty()) {
                    writes.add(new Write(processId, b.ptr(), slice.len()));
                    for (int i = 0; i < slice.len(); i++) {
                        slice.set(i, value);
                    }
                }
                return null;
            });
            return CommandReturn.successU32(b.len());
        });
        return r.isOk() ? r.unwrap() : CommandReturn.from(r.unwrapErr());
    }

    private CommandReturn sum(ProcessId processId, int n) {
        Result<CommandReturn, ProcessError> r = grant.enter(processId, (data, kernelData) -> {
            Result<ReadOnlyProcessBuffer, ProcessError> buffer = kernelData.getReadonlyProcessbuffer(n);
            if (buffer.isErr()) {
                return CommandReturn.failure(ErrorCode.INVAL);
            }
            ReadOnlyProcessBuffer b = buffer.unwrap();
            held.add(new Held(processId, b.ptr(), b.len(), null, b));
            int[] total = {0};
            b.enter(slice -> {
                for (int i = 0; i < slice.len(); i++) {
                    total[0] += slice.get(i);
                }
                return null;
            });
            return CommandReturn.successU32(total[0]);
        });
        return r.isOk() ? r.unwrap() : CommandReturn.from(r.unwrapErr());
    }

    private CommandReturn schedule(ProcessId processId, int n, int value) {
        Result<Result<Void, UpcallError>, ProcessError> r = grant.enter(processId,
                (data, kernelData) -> kernelData.scheduleUpcall(n, value, n, 0));
        if (r.isErr()) {
            return CommandReturn.from(r.unwrapErr());
        }
        if (r.unwrap().isErr()) {
            if (r.unwrap().unwrapErr() == UpcallError.QueueFull) {
                queueFull++;
            }
            return CommandReturn.failure(ErrorCode.FAIL);
        }
        return CommandReturn.success();
    }

    /** Schedules upcall 0 for the process in {@code slot}, only if its grant is already allocated. */
    private CommandReturn notifyOther(int slot) {
        for (ProcessGrant<Object> pg : grant.iter()) {
            if (pg.processid().rawIndex() == slot) {
                Result<Void, UpcallError> r = pg.enter((data, kernelData) -> kernelData.scheduleUpcall(0, 1, 2, 3));
                return r.isOk() ? CommandReturn.success() : CommandReturn.failure(ErrorCode.FAIL);
            }
        }
        return CommandReturn.failure(ErrorCode.INVAL);
    }

    private static CommandReturn variant(int v) {
        return switch (Math.floorMod(v, 10)) {
            case 0 -> CommandReturn.failure(ErrorCode.BUSY);
            case 1 -> CommandReturn.failureU32(ErrorCode.SIZE, v);
            case 2 -> CommandReturn.failureU32U32(ErrorCode.OFF, v, ~v);
            case 3 -> CommandReturn.failureU64(ErrorCode.CANCEL, (long) v << 32 | 7);
            case 4 -> CommandReturn.success();
            case 5 -> CommandReturn.successU32(v);
            case 6 -> CommandReturn.successU32U32(v, ~v);
            case 7 -> CommandReturn.successU32U32U32(v, 1, 2);
            case 8 -> CommandReturn.successU64((long) v << 32 | 9);
            default -> CommandReturn.successU32U64(v, -1L);
        };
    }

    @Override
    public Result<ReadWriteProcessBuffer, RejectedBuffer> allowUserspaceReadable(ProcessId app, int which,
            ReadWriteProcessBuffer slice) {
        if (which != 0) {
            return Result.err(new RejectedBuffer(slice, ErrorCode.NOSUPPORT));
        }
        held.add(new Held(app, slice.ptr(), slice.len(), slice, null));
        ReadWriteProcessBuffer previous = userspaceReadable.put(app, slice);
        return Result.ok(previous == null ? ReadWriteProcessBuffer.empty() : previous);
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return grant.enter(processId, (data, kernelData) -> null).map(v -> null);
    }
}
