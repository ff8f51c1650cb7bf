package org.tock4j.capsules.core.lowleveldebug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeGrant;
import org.tock4j.capsules.core.testing.FakeMemory;
import org.tock4j.capsules.core.testing.FakeProcessTable;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.hil.uart.RejectedBuffer;
import org.tock4j.kernel.hil.uart.Transmit;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.syscall.CommandReturn;

class LowLevelDebugTests {
    private final FakeProcessTable processes = new FakeProcessTable(new FakeMemory(0x2000_0000, 16));
    private final FakeGrant<AppData> grant = new FakeGrant<>(processes, 8, LowLevelDebug.GRANT_TYPE,
            LowLevelDebug.UPCALLS, LowLevelDebug.ALLOW_RO, LowLevelDebug.ALLOW_RW);
    private final Transmit uart = mock(Transmit.class);
    /** Every line handed to the UART, in order. */
    private final List<String> sent = new ArrayList<>();
    private byte[] inFlight;
    private int inFlightLength;
    /** The UART refuses transmissions (it is off). */
    private boolean refuse;
    private LowLevelDebug lldb;

    @BeforeEach
    void setUp() {
        when(uart.transmitBuffer(any(), anyInt())).thenAnswer(call -> {
            if (refuse) {
                return Result.err(new RejectedBuffer(ErrorCode.OFF, call.getArgument(0)));
            }
            inFlight = call.getArgument(0);
            inFlightLength = call.getArgument(1);
            sent.add(new String(inFlight, 0, inFlightLength, StandardCharsets.US_ASCII));
            return Result.ok();
        });
        lldb = new LowLevelDebug(new byte[LowLevelDebug.BUF_LEN], uart, grant);
    }

    /** The UART finishes the transmission in flight. */
    private void finishTransmission() {
        byte[] buffer = inFlight;
        inFlight = null;
        lldb.transmittedBuffer(buffer, inFlightLength, Result.ok());
    }

    /** A process whose identifier is {@code id}: the table hands out identifiers in order. */
    private ProcessId spawnWithId(int id) {
        ProcessId process = processes.spawn();
        while (process.id() < id) {
            process = processes.spawn();
        }
        return process;
    }

    @Test
    void lowLevelDebugPrintsTockFormat() {
        ProcessId app = spawnWithId(0x1a);

        assertThat(lldb.command(1, 0x01, 0, app)).isEqualTo(CommandReturn.success());
        finishTransmission();
        assertThat(lldb.command(2, 0xBEEF, 0, app)).isEqualTo(CommandReturn.success());
        finishTransmission();
        assertThat(lldb.command(3, 0, -1, app)).isEqualTo(CommandReturn.success());

        assertThat(sent).containsExactly(
                "LowLevelDebug: App 0x1a alert code 0x1\n",
                "LowLevelDebug: App 0x1a prints 0xbeef\n",
                "LowLevelDebug: App 0x1a prints 0x0 0xffffffff\n");
    }

    @Test
    void messagesWhileTheUartIsBusyAreQueuedAndSentInOrder() {
        ProcessId app = spawnWithId(1);
        lldb.command(2, 1, 0, app);
        lldb.command(2, 2, 0, app);
        lldb.command(2, 3, 0, app);
        assertThat(sent).hasSize(1);

        finishTransmission();
        finishTransmission();
        finishTransmission();

        assertThat(sent).containsExactly(
                "LowLevelDebug: App 0x1 prints 0x1\n",
                "LowLevelDebug: App 0x1 prints 0x2\n",
                "LowLevelDebug: App 0x1 prints 0x3\n");
        assertThat(inFlight).isNull();
    }

    @Test
    void aFullQueueTurnsItsLastEntryIntoADroppedCount() {
        ProcessId app = spawnWithId(2);
        lldb.command(2, 0, 0, app);   // goes out at once
        for (int n = 1; n <= 6; n++) {
            lldb.command(2, n, 0, app);   // 1..3 fit, 4 is overwritten, 5 and 6 are dropped too
        }

        for (int i = 0; i < 4; i++) {
            finishTransmission();
        }

        assertThat(sent).containsExactly(
                "LowLevelDebug: App 0x2 prints 0x0\n",
                "LowLevelDebug: App 0x2 prints 0x1\n",
                "LowLevelDebug: App 0x2 prints 0x2\n",
                "LowLevelDebug: App 0x2 prints 0x3\n",
                "LowLevelDebug: Dropped 0x3 entries for app 0x2\n");
    }

    @Test
    void theLongestLineFillsTheBufferExactly() {
        // Dropped-entries line with a drop count and a process identifier as wide as a 32-bit usize.
        String longest = new DebugEntry.Dropped(-1).format(-1);

        assertThat(longest).isEqualTo("LowLevelDebug: Dropped 0xffffffff entries for app 0xffffffff\n");
        assertThat(longest).hasSize(LowLevelDebug.BUF_LEN);
    }

    @Test
    void queuedMessagesOfEarlierProcessesGoFirst() {
        ProcessId first = spawnWithId(1);
        ProcessId second = spawnWithId(2);
        lldb.command(1, 0xa, 0, second);   // goes out at once
        lldb.command(1, 0xb, 0, second);
        lldb.command(1, 0xc, 0, first);

        finishTransmission();
        finishTransmission();

        assertThat(sent).containsExactly(
                "LowLevelDebug: App 0x2 alert code 0xa\n",
                "LowLevelDebug: App 0x1 alert code 0xc\n",
                "LowLevelDebug: App 0x2 alert code 0xb\n");
    }

    @Test
    void aMessageThatCannotReachItsGrantIsReportedAsAGrantFailure() {
        ProcessId app = spawnWithId(1);
        ProcessId dead = spawnWithId(2);
        lldb.command(2, 1, 0, app);
        processes.kill(dead);

        assertThat(lldb.command(2, 2, 0, dead)).isEqualTo(CommandReturn.success());
        lldb.command(2, 3, 0, app);
        finishTransmission();
        finishTransmission();

        assertThat(sent).containsExactly(
                "LowLevelDebug: App 0x1 prints 0x1\n",
                "LowLevelDebug: grant init failed\n",
                "LowLevelDebug: App 0x1 prints 0x3\n");
    }

    @Test
    void aRefusedTransmissionKeepsTheBufferForTheNextMessage() {
        ProcessId app = spawnWithId(1);
        refuse = true;
        assertThat(lldb.command(2, 1, 0, app)).isEqualTo(CommandReturn.success());

        refuse = false;
        lldb.command(2, 2, 0, app);

        assertThat(sent).containsExactly("LowLevelDebug: App 0x1 prints 0x2\n");
        assertThat(grant.isAllocated(app)).isFalse();
    }

    @Test
    void existsCommandSucceedsAndPrintsNothing() {
        assertThat(lldb.command(0, 0, 0, spawnWithId(0))).isEqualTo(CommandReturn.success());
        assertThat(sent).isEmpty();
    }

    @Test
    void unknownCommandIsNosupportAndPrintsNothing() {
        assertThat(lldb.command(4, 1, 2, spawnWithId(0))).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        assertThat(sent).isEmpty();
    }

    @Test
    void aBufferShorterThanTheLongestMessageIsRefused() {
        assertThatThrownBy(() -> new LowLevelDebug(new byte[LowLevelDebug.BUF_LEN - 1], uart, grant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 61 bytes");
    }
}
