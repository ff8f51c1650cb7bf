package org.tock4j.kernel.core.testing;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;
import org.tock4j.kernel.upcall.UpcallError;

/**
 * A capsule for kernel tests with a real grant: it records every command (and the thread that ran it) and
 * answers with what the test set; {@link #scheduleUpcall} queues an upcall as a capsule would.
 */
public final class TestDriver implements SyscallDriver {
    /** The grant's {@code T}: 8 bytes, word aligned. */
    public static final class AppState {
        public int counter;
    }

    public static final GrantType<AppState> APP_STATE = GrantType.of(AppState::new, 8, 4);

    /** What {@link #allocateGrant} does. */
    public enum Allocation {
        /** Enters its grant, allocating it (the normal capsule). */
        ENTERS_GRANT,
        /** Answers Ok without allocating anything. */
        CLAIMS_OK_WITHOUT_ALLOCATING,
        /** Fails. */
        FAILS
    }

    /** How the driver answers a command. */
    @FunctionalInterface
    public interface CommandHandler {
        CommandReturn command(int commandNum, int arg0, int arg1, ProcessId processId);
    }

    /** One command as the driver saw it. */
    public record Call(int commandNum, int arg0, int arg1, ProcessId processId, Thread thread) {}

    private final int driverNum;
    private final Grant<AppState> grant;
    private final List<Call> calls = new ArrayList<>();
    private CommandHandler handler = (n, a, b, p) -> CommandReturn.success();
    private Allocation allocation = Allocation.ENTERS_GRANT;
    private int allocateGrantCalls;

    /** Creates the driver's grant and registers it with {@code board} at {@code driverNum}. */
    public TestDriver(TestBoard board, int driverNum, int upcalls, int allowRo, int allowRw) {
        this.driverNum = driverNum;
        this.grant = board.createGrant(driverNum, APP_STATE, upcalls, allowRo, allowRw);
        board.driver(driverNum, this);
    }

    public int driverNum() {
        return driverNum;
    }

    public Grant<AppState> grant() {
        return grant;
    }

    public List<Call> calls() {
        return calls;
    }

    public int allocateGrantCalls() {
        return allocateGrantCalls;
    }

    public TestDriver onCommand(CommandHandler handler) {
        this.handler = handler;
        return this;
    }

    public TestDriver allocation(Allocation allocation) {
        this.allocation = allocation;
        return this;
    }

    @Override
    public CommandReturn command(int commandNum, int arg0, int arg1, ProcessId processId) {
        calls.add(new Call(commandNum, arg0, arg1, processId, Thread.currentThread()));
        return handler.command(commandNum, arg0, arg1, processId);
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        allocateGrantCalls++;
        return switch (allocation) {
            case ENTERS_GRANT -> grant.enter(processId, (data, kernelData) -> null).map(v -> null);
            case CLAIMS_OK_WITHOUT_ALLOCATING -> Result.ok();
            case FAILS -> Result.err(ProcessError.OutOfMemory);
        };
    }

    /** Queues upcall {@code subscribeNum} for {@code processId}, entering the grant as a capsule does. */
    public Result<Void, UpcallError> scheduleUpcall(ProcessId processId, int subscribeNum, int r0, int r1, int r2) {
        Result<Result<Void, UpcallError>, ProcessError> r = grant.enter(processId,
                (data, kernelData) -> kernelData.scheduleUpcall(subscribeNum, r0, r1, r2));
        return r.isOk() ? r.unwrap() : Result.err(UpcallError.KernelError);
    }
}
