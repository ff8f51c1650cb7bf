package org.tock4j.capsules.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeGrant.Upcall;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.UartData;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class ConsoleTests {
    private static final int RAM = 0x2000_0000;

    private final FakeMemory memory = new FakeMemory(RAM, 4096);
    private final FakeProcessTable processes = new FakeProcessTable(memory);
    private final FakeGrant<App> grant = new FakeGrant<>(processes, 1, Console.GRANT_TYPE, Console.UPCALLS,
            Console.ALLOW_RO, Console.ALLOW_RW);
    private final UartData uart = mock(UartData.class);
    private final ProcessId app = processes.spawn();
    private Console console;

    @BeforeEach
    void setUp() {
        when(uart.transmitBuffer(any(), anyInt())).thenReturn(Result.ok());
        when(uart.receiveBuffer(any(), anyInt())).thenReturn(Result.ok());
        when(uart.receiveAbort()).thenReturn(Result.err(ErrorCode.BUSY));
        console = new Console(uart, new byte[Console.DEFAULT_BUF_SIZE], new byte[Console.DEFAULT_BUF_SIZE], grant);
    }

    /** Puts {@code text} in process RAM at {@code offset} and allows it read-only as the write buffer. */
    private void allowWrite(ProcessId process, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        memory.write(RAM + offset, bytes, 0, bytes.length);
        grant.allowReadOnly(process, Console.RO_WRITE, RAM + offset, bytes.length);
    }

    /** The bytes of the UART's last transmission. */
    private String lastTransmission() {
        ArgumentCaptor<byte[]> buffer = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<Integer> length = ArgumentCaptor.forClass(Integer.class);
        verify(uart, org.mockito.Mockito.atLeastOnce()).transmitBuffer(buffer.capture(), length.capture());
        return new String(buffer.getValue(), 0, length.getValue(), StandardCharsets.US_ASCII);
    }

    private byte[] lastTransmitBuffer() {
        ArgumentCaptor<byte[]> buffer = ArgumentCaptor.forClass(byte[].class);
        verify(uart, org.mockito.Mockito.atLeastOnce()).transmitBuffer(buffer.capture(), anyInt());
        return buffer.getValue();
    }

    private byte[] lastReceiveBuffer() {
        ArgumentCaptor<byte[]> buffer = ArgumentCaptor.forClass(byte[].class);
        verify(uart, org.mockito.Mockito.atLeastOnce()).receiveBuffer(buffer.capture(), anyInt());
        return buffer.getValue();
    }

    private String processRam(int offset, int length) {
        byte[] out = new byte[length];
        memory.read(RAM + offset, out, 0, length);
        return new String(out, StandardCharsets.US_ASCII);
    }

    @Test
    void existsCommandSucceeds() {
        assertThat(console.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
    }

    @Test
    void putstrSchedulesWriteDoneWithLength() {
        allowWrite(app, 0, "hello");

        assertThat(console.command(1, 5, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(lastTransmission()).isEqualTo("hello");
        assertThat(grant.upcalls(app)).isEmpty();

        console.transmittedBuffer(lastTransmitBuffer(), 5, Result.ok());
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.WRITE_DONE, 5, 0, 0));
    }

    @Test
    void putstrIsCappedAtTheAllowedBuffer() {
        allowWrite(app, 0, "abc");

        console.command(1, 100, 0, app);
        console.transmittedBuffer(lastTransmitBuffer(), 3, Result.ok());

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.WRITE_DONE, 3, 0, 0));
    }

    @Test
    void longWriteGoesOutInChunksOfTheKernelBufferWithOneUpcallAtTheEnd() {
        console = new Console(uart, new byte[4], new byte[4], grant);
        allowWrite(app, 0, "0123456789");

        console.command(1, 10, 0, app);
        assertThat(lastTransmission()).isEqualTo("0123");
        console.transmittedBuffer(lastTransmitBuffer(), 4, Result.ok());
        assertThat(lastTransmission()).isEqualTo("4567");
        console.transmittedBuffer(lastTransmitBuffer(), 4, Result.ok());
        assertThat(lastTransmission()).isEqualTo("89");
        assertThat(grant.upcalls(app)).isEmpty();
        console.transmittedBuffer(lastTransmitBuffer(), 2, Result.ok());

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.WRITE_DONE, 10, 0, 0));
    }

    @Test
    void secondProcessWriteWaitsUntilTheFirstIsDone() {
        ProcessId other = processes.spawn();
        allowWrite(app, 0, "first");
        allowWrite(other, 100, "second");

        console.command(1, 5, 0, app);
        assertThat(console.command(1, 6, 0, other)).isEqualTo(CommandReturn.success());
        assertThat(lastTransmission()).isEqualTo("first");

        console.transmittedBuffer(lastTransmitBuffer(), 5, Result.ok());
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.WRITE_DONE, 5, 0, 0));
        assertThat(lastTransmission()).isEqualTo("second");
        assertThat(grant.upcalls(other)).isEmpty();

        console.transmittedBuffer(lastTransmitBuffer(), 6, Result.ok());
        assertThat(grant.upcalls(other)).containsExactly(new Upcall(Console.WRITE_DONE, 6, 0, 0));
    }

    @Test
    void waitingWritesStartInProcessOrder() {
        ProcessId second = processes.spawn();
        ProcessId third = processes.spawn();
        allowWrite(app, 0, "a");
        allowWrite(second, 10, "b");
        allowWrite(third, 20, "c");

        console.command(1, 1, 0, app);
        console.command(1, 1, 0, third);
        console.command(1, 1, 0, second);
        console.transmittedBuffer(lastTransmitBuffer(), 1, Result.ok());

        assertThat(lastTransmission()).isEqualTo("b");
    }

    @Test
    void uartRefusalCompletesTheWriteAtOnce() {
        when(uart.transmitBuffer(any(), anyInt())).thenAnswer(call ->
                Result.err(new RejectedBuffer(ErrorCode.OFF, call.getArgument(0))));
        allowWrite(app, 0, "lost");

        assertThat(console.command(1, 4, 0, app)).isEqualTo(CommandReturn.success());

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.WRITE_DONE, 4, 0, 0));
        clearInvocations(uart);
        console.command(1, 4, 0, app);
        verify(uart).transmitBuffer(any(), anyInt());
    }

    @Test
    void getnstrReceivesIntoTheAllowedBufferAndReportsTheLength() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);

        assertThat(console.command(2, 4, 0, app)).isEqualTo(CommandReturn.success());
        verify(uart).receiveBuffer(any(), org.mockito.ArgumentMatchers.eq(4));
        byte[] rx = lastReceiveBuffer();
        System.arraycopy("abcd".getBytes(StandardCharsets.US_ASCII), 0, rx, 0, 4);
        console.receivedBuffer(rx, 4, Result.ok(), UartError.None);

        assertThat(processRam(200, 4)).isEqualTo("abcd");
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.READ_DONE, 0, 4, 0));
    }

    @Test
    void getnstrIsCappedAtTheAllowedBuffer() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 3);

        console.command(2, 50, 0, app);

        verify(uart).receiveBuffer(any(), org.mockito.ArgumentMatchers.eq(3));
    }

    @Test
    void getnstrWhileAnyProcessReadsIsBusy() {
        ProcessId other = processes.spawn();
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);
        grant.allowReadWrite(other, Console.RW_READ, RAM + 300, 8);
        console.command(2, 4, 0, app);

        assertThat(console.command(2, 4, 0, other)).isEqualTo(CommandReturn.failure(ErrorCode.BUSY));
    }

    @Test
    void getnstrLongerThanTheKernelBufferIsInval() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 100);

        assertThat(console.command(2, 100, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
        verify(uart, never()).receiveBuffer(any(), anyInt());
    }

    @Test
    void getnstrRefusedByTheUartReturnsItsErrorAndKeepsTheBuffer() {
        when(uart.receiveBuffer(any(), anyInt())).thenAnswer(call ->
                Result.err(new RejectedBuffer(ErrorCode.OFF, call.getArgument(0))));
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);

        assertThat(console.command(2, 4, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.OFF));
        when(uart.receiveBuffer(any(), anyInt())).thenReturn(Result.ok());
        assertThat(console.command(2, 4, 0, app)).isEqualTo(CommandReturn.success());
    }

    @Test
    void abortReadCompletesWithCancelAndTheBytesSoFar() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);
        console.command(2, 8, 0, app);

        assertThat(console.command(3, 0, 0, app)).isEqualTo(CommandReturn.success());
        verify(uart).receiveAbort();
        byte[] rx = lastReceiveBuffer();
        rx[0] = 'o';
        rx[1] = 'k';
        console.receivedBuffer(rx, 2, Result.err(ErrorCode.CANCEL), UartError.Aborted);

        assertThat(processRam(200, 2)).isEqualTo("ok");
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.READ_DONE, ErrorCode.CANCEL.number(), 2, 0));
    }

    @Test
    void uartErrorDuringReadReportsFail() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);
        console.command(2, 4, 0, app);

        console.receivedBuffer(lastReceiveBuffer(), 2, Result.ok(), UartError.FramingError);

        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.READ_DONE, ErrorCode.FAIL.number(), 0, 0));
    }

    @Test
    void moreBytesThanTheAllowedBufferReportsSizeAndTheCopiedLength() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 4);
        console.command(2, 4, 0, app);
        byte[] rx = lastReceiveBuffer();
        Arrays.fill(rx, 0, 6, (byte) 'z');

        console.receivedBuffer(rx, 6, Result.ok(), UartError.None);

        assertThat(processRam(200, 4)).isEqualTo("zzzz");
        assertThat(grant.upcalls(app)).containsExactly(new Upcall(Console.READ_DONE, ErrorCode.SIZE.number(), 4, 0));
    }

    @Test
    void readBufferIsReusableAfterACompletedRead() {
        grant.allowReadWrite(app, Console.RW_READ, RAM + 200, 8);
        console.command(2, 1, 0, app);
        console.receivedBuffer(lastReceiveBuffer(), 1, Result.ok(), UartError.None);

        assertThat(console.command(2, 1, 0, app)).isEqualTo(CommandReturn.success());
    }

    @Test
    void commandsForADeadProcessAreInval() {
        processes.kill(app);

        assertThat(console.command(1, 5, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.INVAL));
    }

    @Test
    void unknownCommandIsNosupport() {
        assertThat(console.command(9, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
    }

    @Test
    void allocateGrantAllocatesTheProcessGrant() {
        ProcessId fresh = processes.spawn();

        assertThat(console.allocateGrant(fresh).isOk()).isTrue();
        assertThat(grant.isAllocated(fresh)).isTrue();
    }
}
