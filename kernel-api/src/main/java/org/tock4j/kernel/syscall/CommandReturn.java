package org.tock4j.kernel.syscall;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.process.ProcessError;

/**
 * What a driver's {@code command} returns: one of the success or failure shapes TRD104 allows a command.
 *
 * <pre>{@code
 * return CommandReturn.successU32(ledCount);
 * return CommandReturn.failure(ErrorCode.INVAL);
 * }</pre>
 *
 * <p>Tock counterpart: {@code kernel::syscall_driver::CommandReturn}.
 */
public final class CommandReturn {
    private static final CommandReturn SUCCESS = new CommandReturn(SyscallReturn.SUCCESS_VALUE);

    private final SyscallReturn value;

    private CommandReturn(SyscallReturn value) {
        this.value = value;
    }

    public static CommandReturn failure(ErrorCode rc) {
        return new CommandReturn(new SyscallReturn.Failure(rc));
    }

    public static CommandReturn failureU32(ErrorCode rc, int data0) {
        return new CommandReturn(new SyscallReturn.FailureU32(rc, data0));
    }

    public static CommandReturn failureU32U32(ErrorCode rc, int data0, int data1) {
        return new CommandReturn(new SyscallReturn.FailureU32U32(rc, data0, data1));
    }

    public static CommandReturn failureU64(ErrorCode rc, long data0) {
        return new CommandReturn(new SyscallReturn.FailureU64(rc, data0));
    }

    public static CommandReturn success() {
        return SUCCESS;
    }

    public static CommandReturn successU32(int data0) {
        return new CommandReturn(new SyscallReturn.SuccessU32(data0));
    }

    public static CommandReturn successU32U32(int data0, int data1) {
        return new CommandReturn(new SyscallReturn.SuccessU32U32(data0, data1));
    }

    public static CommandReturn successU32U32U32(int data0, int data1, int data2) {
        return new CommandReturn(new SyscallReturn.SuccessU32U32U32(data0, data1, data2));
    }

    public static CommandReturn successU64(long data0) {
        return new CommandReturn(new SyscallReturn.SuccessU64(data0));
    }

    public static CommandReturn successU32U64(int data0, long data1) {
        return new CommandReturn(new SyscallReturn.SuccessU32U64(data0, data1));
    }

    /** {@code success()} for {@code Ok}, {@code failure(e)} for {@code Err(e)}. */
    public static CommandReturn from(Result<?, ErrorCode> result) {
        return result instanceof Result.Err<?, ErrorCode> err ? failure(err.error()) : success();
    }

    /** {@code failure} with the error code the process error maps to. */
    public static CommandReturn from(ProcessError error) {
        return failure(error.toErrorCode());
    }

    public boolean isSuccess() {
        return value.isSuccess();
    }

    public boolean isFailure() {
        return !value.isSuccess();
    }

    /** The system call return this command return stands for. */
    public SyscallReturn intoInner() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandReturn other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
