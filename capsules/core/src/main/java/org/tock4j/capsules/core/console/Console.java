package org.tock4j.capsules.core.console;

import java.util.Objects;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantKernelData;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.UartData;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.processbuffer.ReadOnlyProcessBuffer;
import org.tock4j.kernel.processbuffer.ReadWriteProcessBuffer;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The console system call driver (driver number {@code 0x1}): processes write to and read from a UART.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>call</th><th>number</th><th>arguments</th><th>meaning and return</th></tr>
 *   <tr><td>allow-readonly</td><td>1</td><td colspan="2">the bytes to write</td></tr>
 *   <tr><td>allow-readwrite</td><td>1</td><td colspan="2">where read bytes go</td></tr>
 *   <tr><td>subscribe</td><td>1</td><td colspan="2">write done: upcall {@code (bytesWritten, 0, 0)}</td></tr>
 *   <tr><td>subscribe</td><td>2</td><td colspan="2">read done: upcall {@code (status, bytesRead, 0)}, status 0
 *       or an error number: {@code CANCEL} after an abort, {@code SIZE} when bytes were dropped,
 *       {@code NOMEM} when the read buffer vanished, {@code FAIL} for a UART error</td></tr>
 *   <tr><td>command</td><td>0</td><td>-</td><td>{@code Success}: the driver exists</td></tr>
 *   <tr><td>command</td><td>1</td><td>{@code len}</td><td>putstr: writes
 *       {@code min(len, allowed length)} bytes; {@code Success}, then the write-done upcall</td></tr>
 *   <tr><td>command</td><td>2</td><td>{@code len}</td><td>getnstr: reads {@code min(len, allowed length)}
 *       bytes; {@code Success}, then the read-done upcall; {@code Failure(BUSY)} while any process reads,
 *       {@code Failure(INVAL)} beyond the kernel read buffer, or the UART's error</td></tr>
 *   <tr><td>command</td><td>3</td><td>-</td><td>aborts the read in progress, which completes with what
 *       arrived so far; {@code Success}</td></tr>
 *   <tr><td>command</td><td>other</td><td>-</td><td>{@code Failure(NOSUPPORT)}</td></tr>
 * </table>
 *
 * <p>Writes go out through the kernel write buffer a chunk at a time; one process's write is finished
 * before the next process's waiting write starts, looking for it in process order. A command for a process
 * that no longer exists answers {@code Failure(INVAL)}.
 *
 * <p>Tock counterpart: {@code capsules_core::console::Console}.
 */
public final class Console implements SyscallDriver, TransmitClient, ReceiveClient {

    /** Size of the kernel write and read buffers boards use by default. */
    public static final int DEFAULT_BUF_SIZE = 64;

    /** Subscribe number of the write-done upcall. */
    public static final int WRITE_DONE = 1;
    /** Subscribe number of the read-done upcall. */
    public static final int READ_DONE = 2;
    /** Allow-readonly number of the write buffer. */
    public static final int RO_WRITE = 1;
    /** Allow-readwrite number of the read buffer. */
    public static final int RW_READ = 1;

    /** Numbers 1 and 2 are used, so three upcalls are kept. */
    public static final UpcallCount UPCALLS = UpcallCount.of(3);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(2);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(2);
    /** {@code App} on a 32-bit MCU: three {@code usize} and a {@code bool}, padded to 16 bytes. */
    public static final GrantType<App> GRANT_TYPE = GrantType.of(App::new, 16, 4);

    private final UartData uart;
    private final Grant<App> apps;
    /** The process whose bytes are in the UART's hands; {@code null} when none. */
    private ProcessId txInProgress;
    /** The kernel write buffer; {@code null} while the UART holds it. */
    private byte[] txBuffer;
    /** The process whose read is in progress; {@code null} when none. */
    private ProcessId rxInProgress;
    /** The kernel read buffer; {@code null} while the UART holds it. */
    private byte[] rxBuffer;

    public Console(UartData uart, byte[] txBuffer, byte[] rxBuffer, Grant<App> grant) {
        this.uart = Objects.requireNonNull(uart, "uart");
        this.txBuffer = Objects.requireNonNull(txBuffer, "txBuffer");
        this.rxBuffer = Objects.requireNonNull(rxBuffer, "rxBuffer");
        this.apps = Objects.requireNonNull(grant, "grant");
    }

    @Override
    public CommandReturn command(int commandNum, int arg1, int arg2, ProcessId processId) {
        Result<Result<Void, ErrorCode>, ProcessError> res = apps.enter(processId, (app, kernelData) ->
                switch (commandNum) {
                    case 0 -> Result.<ErrorCode>ok();
                    case 1 -> sendNew(processId, app, kernelData, arg1);
                    case 2 -> receiveNew(processId, app, kernelData, arg1);
                    case 3 -> {
                        uart.receiveAbort();
                        yield Result.<ErrorCode>ok();
                    }
                    default -> Result.<Void, ErrorCode>err(ErrorCode.NOSUPPORT);
                });
        return switch (res) {
            case Result.Err<Result<Void, ErrorCode>, ProcessError>(ProcessError e) -> CommandReturn.from(e);
            case Result.Ok<Result<Void, ErrorCode>, ProcessError>(Result<Void, ErrorCode> r) -> CommandReturn.from(r);
        };
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return apps.enter(processId, (app, kernelData) -> (Void) null);
    }

    private Result<Void, ErrorCode> sendNew(ProcessId processId, App app, GrantKernelData kernelData, int len) {
        int allowed = kernelData.getReadonlyProcessbuffer(RO_WRITE).map(ReadOnlyProcessBuffer::len).unwrapOr(0);
        app.writeLen = (int) Math.min(allowed, Integer.toUnsignedLong(len));
        app.writeRemaining = app.writeLen;
        send(processId, app, kernelData);
        return Result.ok();
    }

    /** Continues a write; whether bytes of it are now with the UART. */
    private boolean sendContinue(ProcessId processId, App app, GrantKernelData kernelData) {
        if (app.writeRemaining == 0) {
            return false;
        }
        send(processId, app, kernelData);
        // The send may have failed, leaving nothing in flight.
        return txInProgress != null;
    }

    /** Hands the next chunk of the process's write to the UART, or marks it waiting if the UART is busy. */
    private void send(ProcessId processId, App app, GrantKernelData kernelData) {
        if (txInProgress != null) {
            app.pendingWrite = true;
            return;
        }
        txInProgress = processId;
        byte[] buffer = txBuffer;
        if (buffer == null) {
            return;
        }
        txBuffer = null;
        int transactionLen = kernelData.getReadonlyProcessbuffer(RO_WRITE)
                .andThen(write -> write.enter(data -> {
                    if (app.writeLen > data.len()) {
                        // The allowed buffer shrank under the write: end the write with what was sent.
                        app.writeLen -= app.writeRemaining;
                        app.writeRemaining = 0;
                        return 0;
                    }
                    int count = Math.min(app.writeRemaining, buffer.length);
                    data.copyTo(app.writeLen - app.writeRemaining, buffer, 0, count);
                    return count;
                }))
                .unwrapOr(0);
        app.writeRemaining -= transactionLen;
        var started = uart.transmitBuffer(buffer, transactionLen);
        if (started.isErr()) {
            // No transmit-done will come: finish the write now.
            txBuffer = started.unwrapErr().buffer();
            txInProgress = null;
            int written = app.writeLen;
            app.writeLen = 0;
            kernelData.scheduleUpcall(WRITE_DONE, written, 0, 0);
        }
    }

    private Result<Void, ErrorCode> receiveNew(ProcessId processId, App app, GrantKernelData kernelData, int len) {
        if (rxBuffer == null) {
            // One read at a time on this console; other processes retry.
            return Result.err(ErrorCode.BUSY);
        }
        int allowed = kernelData.getReadwriteProcessbuffer(RW_READ).map(ReadWriteProcessBuffer::len).unwrapOr(0);
        int readLen = (int) Math.min(allowed, Integer.toUnsignedLong(len));
        if (readLen > rxBuffer.length) {
            return Result.err(ErrorCode.INVAL);
        }
        app.readLen = readLen;
        byte[] buffer = rxBuffer;
        rxBuffer = null;
        rxInProgress = processId;
        var started = uart.receiveBuffer(buffer, readLen);
        if (started.isErr()) {
            // Uart's RejectedBuffer; SyscallDriver.RejectedBuffer shadows its simple name here.
            rxBuffer = started.unwrapErr().buffer();
            return Result.err(started.unwrapErr().error());
        }
        return Result.ok();
    }

    @Override
    public void transmittedBuffer(byte[] buffer, int txLen, Result<Void, ErrorCode> rcode) {
        txBuffer = buffer;
        ProcessId processId = txInProgress;
        txInProgress = null;
        if (processId != null) {
            apps.enter(processId, (app, kernelData) -> {
                if (!sendContinue(processId, app, kernelData)) {
                    int written = app.writeLen;
                    app.writeLen = 0;
                    kernelData.scheduleUpcall(WRITE_DONE, written, 0, 0);
                }
                return null;
            });
        }
        if (txInProgress == null) {
            // The write is done: start the first other process's waiting write.
            for (ProcessGrant<App> cntr : apps.iter()) {
                ProcessId waiting = cntr.processid();
                boolean started = cntr.enter((app, kernelData) -> {
                    if (!app.pendingWrite) {
                        return false;
                    }
                    app.pendingWrite = false;
                    return sendContinue(waiting, app, kernelData);
                });
                if (started) {
                    break;
                }
            }
        }
    }

    @Override
    public void receivedBuffer(byte[] buffer, int rxLen, Result<Void, ErrorCode> rcode, UartError error) {
        ProcessId processId = rxInProgress;
        rxInProgress = null;
        if (processId != null) {
            apps.enter(processId, (app, kernelData) -> {
                deliverRead(kernelData, buffer, rxLen, rcode, error);
                return null;
            });
        }
        rxBuffer = buffer;
    }

    private static void deliverRead(GrantKernelData kernelData, byte[] buffer, int rxLen,
            Result<Void, ErrorCode> rcode, UartError error) {
        if (error != UartError.None && error != UartError.Aborted) {
            kernelData.scheduleUpcall(READ_DONE, ErrorCode.FAIL.number(), 0, 0);
            return;
        }
        int count = kernelData.getReadwriteProcessbuffer(RW_READ)
                .andThen(read -> read.mutEnter(data -> {
                    int c = Math.min(data.len(), Math.min(rxLen, buffer.length));
                    data.copyFrom(buffer, 0, 0, c);
                    return c;
                }))
                .unwrapOr(-1);
        // Report what was copied: a lower layer returning more than was asked for drops bytes (SIZE).
        int readBufferLen = kernelData.getReadwriteProcessbuffer(RW_READ).map(ReadWriteProcessBuffer::len).unwrapOr(0);
        Result<Void, ErrorCode> ret;
        int receivedLength;
        if (count < 0) {
            ret = Result.err(ErrorCode.NOMEM);
            receivedLength = 0;
        } else if (rxLen > readBufferLen) {
            ret = Result.err(ErrorCode.SIZE);
            receivedLength = readBufferLen;
        } else {
            ret = rcode;
            receivedLength = rxLen;
        }
        kernelData.scheduleUpcall(READ_DONE, ErrorCode.intoStatusCode(ret), receivedLength, 0);
    }
}
