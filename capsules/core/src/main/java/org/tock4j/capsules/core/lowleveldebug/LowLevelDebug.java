package org.tock4j.capsules.core.lowleveldebug;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.grant.AllowRoCount;
import org.tock4j.kernel.grant.AllowRwCount;
import org.tock4j.kernel.grant.Grant;
import org.tock4j.kernel.grant.GrantType;
import org.tock4j.kernel.grant.ProcessGrant;
import org.tock4j.kernel.grant.UpcallCount;
import org.tock4j.kernel.hil.uart.Transmit;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * The low-level debug system call driver (driver number {@code 0x8}): a process prints alert codes and
 * numbers on the debug UART without any buffer of its own, for debugging before the console works.
 *
 * <table>
 *   <caption>System call interface</caption>
 *   <tr><th>command</th><th>arguments</th><th>prints</th></tr>
 *   <tr><td>0</td><td>-</td><td>nothing; {@code Success}: the driver exists</td></tr>
 *   <tr><td>1</td><td>{@code code}</td><td>{@code LowLevelDebug: App 0x<id> alert code 0x<code>}</td></tr>
 *   <tr><td>2</td><td>{@code a}</td><td>{@code LowLevelDebug: App 0x<id> prints 0x<a>}</td></tr>
 *   <tr><td>3</td><td>{@code a, b}</td><td>{@code LowLevelDebug: App 0x<id> prints 0x<a> 0x<b>}</td></tr>
 *   <tr><td>other</td><td>-</td><td>nothing; {@code Failure(NOSUPPORT)}</td></tr>
 * </table>
 *
 * <p>Commands 1 to 3 always answer {@code Success}. Numbers are unpadded lower-case hexadecimal, each line
 * ends with {@code \n}, and {@code <id>} is the process's identifier ({@link ProcessId#id()}). No subscribe,
 * no allow.
 *
 * <p>A message goes out at once if the UART is idle. Otherwise it waits in the process's grant, in a queue of
 * {@value AppData#QUEUE_SIZE}; when that is full, the last slot becomes
 * {@code LowLevelDebug: Dropped 0x<n> entries for app 0x<id>}. When a transmission ends the next message is
 * the oldest one of the first process (in process order) that has any. If the grant cannot be entered the
 * message is lost and {@code LowLevelDebug: grant init failed} is printed next.
 *
 * <p>Tock counterpart: {@code capsules_core::low_level_debug::LowLevelDebug}.
 */
public final class LowLevelDebug implements SyscallDriver, TransmitClient {

    /** Length of the longest message with a 32-bit {@code usize}: the dropped-entries line. */
    public static final int BUF_LEN = 61;

    public static final UpcallCount UPCALLS = UpcallCount.of(0);
    public static final AllowRoCount ALLOW_RO = AllowRoCount.of(0);
    public static final AllowRwCount ALLOW_RW = AllowRwCount.of(0);
    /** {@code [Option<DebugEntry>; 4]} on a 32-bit MCU: four entries of three words. */
    public static final GrantType<AppData> GRANT_TYPE = GrantType.of(AppData::new, 48, 4);

    private static final byte[] GRANT_FAILED_MESSAGE =
            "LowLevelDebug: grant init failed\n".getBytes(StandardCharsets.US_ASCII);

    private final Transmit uart;
    private final Grant<AppData> grant;
    /** The transmit buffer; {@code null} while the UART holds it. */
    private byte[] buffer;
    /** A grant could not be entered: say so at the next chance. */
    private boolean grantFailed;

    /** @param buffer at least {@link #BUF_LEN} bytes */
    public LowLevelDebug(byte[] buffer, Transmit uart, Grant<AppData> grant) {
        if (buffer.length < BUF_LEN) {
            throw new IllegalArgumentException(
                    "LowLevelDebug needs a buffer of at least " + BUF_LEN + " bytes, got " + buffer.length);
        }
        this.buffer = buffer;
        this.uart = Objects.requireNonNull(uart, "uart");
        this.grant = Objects.requireNonNull(grant, "grant");
    }

    @Override
    public CommandReturn command(int commandNum, int r2, int r3, ProcessId processId) {
        switch (commandNum) {
            case 0 -> {
                return CommandReturn.success();
            }
            case 1 -> pushEntry(new DebugEntry.AlertCode(r2), processId);
            case 2 -> pushEntry(new DebugEntry.Print1(r2), processId);
            case 3 -> pushEntry(new DebugEntry.Print2(r2, r3), processId);
            default -> {
                return CommandReturn.failure(ErrorCode.NOSUPPORT);
            }
        }
        return CommandReturn.success();
    }

    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return grant.enter(processId, (data, kernelData) -> (Void) null);
    }

    /** The UART is done with the buffer: send the grant-failure notice or the next queued entry. */
    @Override
    public void transmittedBuffer(byte[] txBuffer, int txLen, Result<Void, ErrorCode> rval) {
        if (grantFailed) {
            grantFailed = false;
            System.arraycopy(GRANT_FAILED_MESSAGE, 0, txBuffer, 0, GRANT_FAILED_MESSAGE.length);
            transmit(txBuffer, GRANT_FAILED_MESSAGE.length);
            return;
        }
        for (ProcessGrant<AppData> processGrant : grant.iter()) {
            int appNum = processGrant.processid().id();
            Optional<DebugEntry> next = processGrant.enter((data, kernelData) -> data.pop());
            if (next.isPresent()) {
                transmitEntry(txBuffer, appNum, next.get());
                return;
            }
        }
        buffer = txBuffer;
    }

    /** Prints {@code entry} now if the UART is idle, else queues it in the process's grant. */
    private void pushEntry(DebugEntry entry, ProcessId processId) {
        if (buffer != null) {
            byte[] txBuffer = buffer;
            buffer = null;
            transmitEntry(txBuffer, processId.id(), entry);
            return;
        }
        Result<Void, ProcessError> queued = grant.enter(processId, (data, kernelData) -> {
            data.push(entry);
            return (Void) null;
        });
        if (queued.isErr()) {
            grantFailed = true;
        }
    }

    private void transmitEntry(byte[] txBuffer, int appNum, DebugEntry entry) {
        byte[] message = entry.format(appNum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(message, 0, txBuffer, 0, message.length);
        transmit(txBuffer, message.length);
    }

    /** A UART refusal is ignored, as in Tock: nothing could be done about it; the buffer is kept. */
    private void transmit(byte[] txBuffer, int length) {
        var started = uart.transmitBuffer(txBuffer, length);
        if (started.isErr()) {
            // Uart's RejectedBuffer; SyscallDriver.RejectedBuffer shadows its simple name here.
            buffer = started.unwrapErr().buffer();
        }
    }
}
