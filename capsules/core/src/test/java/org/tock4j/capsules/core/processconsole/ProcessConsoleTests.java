package org.tock4j.capsules.core.processconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tock4j.capsules.core.testing.FakeAlarm;
import org.tock4j.capsules.core.testing.FakeUart;
import org.tock4j.capsules.core.testing.ManualDeferredCalls;
import org.tock4j.capsules.core.virtualizers.MuxAlarm;
import org.tock4j.capsules.core.virtualizers.MuxUart;
import org.tock4j.capsules.core.virtualizers.UartDevice;
import org.tock4j.capsules.core.virtualizers.VirtualMuxAlarm;
import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.capabilities.issue.Capability;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.ProcessSizes;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.process.ShortId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.upcall.UpcallId;

/**
 * The process console driven as an operator drives it: bytes typed into a UART (through the board's UART mux),
 * bytes read back, with Mockito processes whose states follow the calls the console makes.
 */
class ProcessConsoleTests {
    private static final String VALID = "help status list stop start fault boot terminate process kernel reset panic"
            + " console-start console-stop\r\n";
    private static final String PROMPT = "tock$ ";
    private static final String LIST_HEADER =
            " PID    ShortID    Name                Quanta  Syscalls  Restarts  Grants  State\r\n";
    /** 100 ms at 32768 Hz, and a tick more. */
    private static final long STARTUP_TICKS = 3_277;

    private final FakeUart hardware = new FakeUart();
    private final ManualDeferredCalls deferredCalls = new ManualDeferredCalls();
    private final MuxUart uartMux = new MuxUart(hardware, 115_200, deferredCalls);
    private final FakeAlarm rtc = new FakeAlarm(32, 32_768, 0);
    private final MuxAlarm alarmMux = new MuxAlarm(rtc);
    private final Processes kernel = mock(Processes.class);
    private final List<Process> loaded = new ArrayList<>();
    private final ProcessStartCapability startCapability = Capability.processStart();
    private ProcessConsole console;

    @BeforeEach
    void setUp() {
        uartMux.register();
        hardware.setTransmitClient(uartMux);
        hardware.setReceiveClient(uartMux);
        rtc.setAlarmClient(alarmMux);
        when(kernel.processEachCapability(any())).thenAnswer(call -> List.copyOf(loaded));
        when(kernel.getGrantCountAndFinalize()).thenReturn(7);

        UartDevice device = new UartDevice(uartMux, true);
        device.setup();
        VirtualMuxAlarm alarm = new VirtualMuxAlarm(alarmMux);
        alarm.setup();
        console = new ProcessConsole(device, alarm, kernel, Capability.processManagement(), startCapability,
                new byte[ProcessConsole.WRITE_BUF_LEN], new byte[ProcessConsole.READ_BUF_LEN],
                new byte[ProcessConsole.QUEUE_BUF_LEN], new byte[ProcessConsole.COMMAND_BUF_LEN],
                ProcessConsole.DEFAULT_COMMAND_HISTORY_LEN, "test");
        device.setTransmitClient(console);
        device.setReceiveClient(console);
        alarm.setAlarmClient(console);
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the console, lets its 100 ms pass, and drops the first prompt. */
    private void boot() {
        console.start();
        rtc.advanceBy(STARTUP_TICKS);
        settle();
        assertThat(hardware.takeOutput()).isEqualTo(PROMPT);
    }

    /** Runs the kernel loop's part: deferred calls and UART completions, until nothing is left to do. */
    private void settle() {
        int steps = 0;
        while (deferredCalls.serviceNextPending() >= 0 || hardware.completeTransmission()) {
            if (++steps > 100_000) {
                throw new IllegalStateException("the console never goes quiet");
            }
        }
    }

    /** Types {@code bytes} one at a time, each once the previous one's echo is out; what the console printed. */
    private String type(byte... bytes) {
        for (byte b : bytes) {
            settle();
            hardware.receive(b);
        }
        settle();
        return hardware.takeOutput();
    }

    private String type(String text) {
        return type(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] escape(char key) {
        return new byte[] {0x1B, '[', (byte) key};
    }

    /** A loaded process whose state follows stop, resume, fault, terminate and start as Tock's does. */
    private Process process(String name, int identifier, State initial) {
        Process process = mock(Process.class);
        State[] state = {initial};
        ProcessId id = ProcessId.newExternal(kernel, identifier, loaded.size(), Capability.externalProcess());
        when(process.processid()).thenReturn(id);
        when(process.getProcessName()).thenReturn(name);
        when(process.shortAppId()).thenReturn(ShortId.LOCALLY_UNIQUE);
        when(process.getState()).thenAnswer(call -> state[0]);
        when(process.grantAllocatedCount()).thenReturn(OptionalInt.of(2));
        doAnswer(call -> {
            if (state[0] instanceof State.Running || state[0] instanceof State.Yielded
                    || state[0] instanceof State.YieldedFor) {
                state[0] = new State.Stopped(state[0]);
            }
            return null;
        }).when(process).stop();
        doAnswer(call -> {
            if (state[0] instanceof State.Stopped stopped) {
                state[0] = stopped.previous();
            }
            return null;
        }).when(process).resume();
        doAnswer(call -> {
            state[0] = State.FAULTED;
            return null;
        }).when(process).setFaultState();
        doAnswer(call -> {
            state[0] = State.TERMINATED;
            return null;
        }).when(process).terminate(any());
        doAnswer(call -> {
            if (state[0] instanceof State.Terminated) {
                state[0] = State.YIELDED;
            }
            return null;
        }).when(process).start(any());
        loaded.add(process);
        return process;
    }

    // ---------------------------------------------------------------- starting

    @Test
    void startPrintsThePromptAndListensOneHundredMillisecondsLater() {
        console.start();
        rtc.advanceBy(STARTUP_TICKS - 2);
        settle();

        assertThat(hardware.takeOutput()).isEmpty();
        assertThat(hardware.receiving()).isFalse();

        rtc.advanceBy(2);
        settle();

        assertThat(hardware.takeOutput()).isEqualTo(PROMPT);
        assertThat(hardware.receiving()).isTrue();
    }

    @Test
    void displayWelcomePrintsTheKernelVersionTheWelcomeAndTheCommandsAndListens() {
        console.displayWelcome();
        settle();

        assertThat(hardware.takeOutput()).isEqualTo("Kernel version: 2.1 (build test)\r\n"
                + "Welcome to the process console.\r\n"
                + "Valid commands are: " + VALID
                + PROMPT);
        assertThat(hardware.receiving()).isTrue();
    }

    @Test
    void startHibernatedListensWithoutPromptingUntilConsoleStart() {
        console.startHibernated();
        rtc.advanceBy(STARTUP_TICKS);
        settle();
        assertThat(hardware.takeOutput()).isEmpty();

        assertThat(type("help\r")).isEqualTo("help\r\n");
        assertThat(type("console-start\r")).isEqualTo("console-start\r\n" + PROMPT);
    }

    // ---------------------------------------------------------------- commands

    @Test
    void helpPrintsTheWelcomeAndTheValidCommands() {
        boot();

        assertThat(type("help\r")).isEqualTo("help\r\n"
                + "Welcome to the process console.\r\n"
                + "Valid commands are: " + VALID
                + PROMPT);
    }

    @Test
    void unknownCommandPrintsTocksHelpHint() {
        boot();

        assertThat(type("frobnicate\r")).isEqualTo("frobnicate\r\nValid commands are: " + VALID + PROMPT);
    }

    @Test
    void emptyLinePrintsOnlyANewPromptButABlankOneIsAnUnknownCommand() {
        boot();

        assertThat(type("\r")).isEqualTo("\r\n" + PROMPT);
        // Tock trims the blanks away and matches the empty rest against no command.
        assertThat(type("   \r")).isEqualTo("   \r\nValid commands are: " + VALID + PROMPT);
    }

    @Test
    void commandsAreRecognisedByPrefixAfterTrimmingAsInTock() {
        boot();

        assertThat(type("  helpme  \r")).startsWith("  helpme  \r\nWelcome to the process console.\r\n");
    }

    @Test
    void listPrintsEveryProcessInTocksTableFormat() {
        Process blink = process("blink", 0, State.YIELDED);
        when(blink.debugTimesliceExpirationCount()).thenReturn(3);
        when(blink.debugSyscallCount()).thenReturn(42);
        Process sensors = process("sensors", 5, new State.YieldedFor(new UpcallId(1, 2)));
        when(sensors.shortAppId()).thenReturn(new ShortId.Fixed(0x1234_abcd));
        when(sensors.debugSyscallCount()).thenReturn(1_234_567);
        when(sensors.getRestartCount()).thenReturn(2);
        when(sensors.grantAllocatedCount()).thenReturn(OptionalInt.of(3));
        Process hello = process("hello", 12, new State.Stopped(State.RUNNING));
        when(hello.shortAppId()).thenReturn(new ShortId.Fixed(0x2a));
        when(hello.debugSyscallCount()).thenReturn(7);
        when(hello.getRestartCount()).thenReturn(1);
        when(hello.grantAllocatedCount()).thenReturn(OptionalInt.empty());
        boot();

        assertThat(type("list\r")).isEqualTo("list\r\n"
                + LIST_HEADER
                + " 0      Unique     blink                    3        42         0   2/ 7   Yielded\r\n"
                + " 5      0x1234abcd sensors                  0   1234567         2   3/ 7   "
                + "YieldedFor(UpcallId { driver_num: 1, subscribe_num: 2 })\r\n"
                + " 12     0x2a       hello                    0         7         1   0/ 7   Stopped(Running)\r\n"
                + PROMPT);
    }

    @Test
    void listWithoutProcessesPrintsTheHeaderAndThePrompt() {
        boot();

        assertThat(type("list\r")).isEqualTo("list\r\n" + LIST_HEADER + PROMPT);
    }

    @Test
    void statusCountsLoadedAndActiveProcessesAndTimesliceExpirations() {
        when(process("a", 0, State.RUNNING).debugTimesliceExpirationCount()).thenReturn(4);
        when(process("b", 1, State.YIELDED).debugTimesliceExpirationCount()).thenReturn(5);
        process("c", 2, new State.YieldedFor(new UpcallId(0, 0)));
        process("d", 3, new State.Stopped(State.YIELDED));
        when(process("e", 4, State.FAULTED).debugTimesliceExpirationCount()).thenReturn(1);
        process("f", 5, State.TERMINATED);
        boot();

        assertThat(type("status\r")).isEqualTo("status\r\n"
                + "Total processes: 6\r\n"
                + "Active processes: 2\r\n"
                + "Timeslice expirations: 10\r\n"
                + PROMPT);
    }

    @Test
    void stopPutsTheNamedProcessInStoppedState() {
        Process blink = process("blink", 0, State.YIELDED);
        Process other = process("other", 1, State.RUNNING);
        boot();

        assertThat(type("stop blink\r")).isEqualTo("stop blink\r\nProcess blink stopped\r\n" + PROMPT);

        assertThat(blink.getState()).isEqualTo(new State.Stopped(State.YIELDED));
        verify(other, never()).stop();
        assertThat(type("list\r")).contains("blink", "Stopped(Yielded)\r\n");
    }

    @Test
    void stopActsOnEveryProcessOfThatName() {
        Process first = process("twin", 0, State.YIELDED);
        Process second = process("twin", 1, State.RUNNING);
        boot();

        assertThat(type("stop twin\r"))
                .isEqualTo("stop twin\r\nProcess twin stopped\r\nProcess twin stopped\r\n" + PROMPT);
        verify(first).stop();
        verify(second).stop();
    }

    @Test
    void startResumesAStoppedProcess() {
        Process blink = process("blink", 0, new State.Stopped(State.RUNNING));
        boot();

        assertThat(type("start blink\r")).isEqualTo("start blink\r\nProcess blink resumed.\r\n" + PROMPT);

        assertThat(blink.getState()).isEqualTo(State.RUNNING);
    }

    @Test
    void faultAppliesTheFaultPolicyToTheNamedProcess() {
        Process blink = process("blink", 0, State.RUNNING);
        boot();

        assertThat(type("fault blink\r")).isEqualTo("fault blink\r\nProcess blink now faulted\r\n" + PROMPT);

        verify(blink).setFaultState();
        assertThat(blink.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void terminateEndsTheNamedProcessWithoutACompletionCodeAndAnswersWithABareNewline() {
        Process blink = process("blink", 0, State.YIELDED);
        boot();

        assertThat(type("terminate blink\r")).isEqualTo("terminate blink\r\nProcess blink terminated\n" + PROMPT);

        verify(blink).terminate(Optional.empty());
        assertThat(blink.getState()).isEqualTo(State.TERMINATED);
    }

    @Test
    void bootStartsATerminatedProcess() {
        Process blink = process("blink", 0, State.TERMINATED);
        boot();

        assertThat(type("boot blink\r")).isEqualTo("boot blink\r\n" + PROMPT);

        verify(blink).start(startCapability);
        verify(blink, never()).tryRestart(any());
        assertThat(blink.getState()).isEqualTo(State.YIELDED);
    }

    @Test
    void bootLeavesAProcessThatIsNotTerminatedAlone() {
        Process blink = process("blink", 0, State.FAULTED);
        boot();

        type("boot blink\r");

        verify(blink, never()).start(any());
        verify(blink, never()).tryRestart(any());
        assertThat(blink.getState()).isEqualTo(State.FAULTED);
    }

    @Test
    void commandsNamingNoExistingProcessPrintOnlyThePrompt() {
        Process blink = process("blink", 0, State.YIELDED);
        boot();

        assertThat(type("stop nosuch\r")).isEqualTo("stop nosuch\r\n" + PROMPT);
        assertThat(type("stop\r")).isEqualTo("stop\r\n" + PROMPT);
        assertThat(type("fault bli\r")).isEqualTo("fault bli\r\n" + PROMPT);
        assertThat(type("process nosuch\r")).isEqualTo("process nosuch\r\n" + PROMPT);
        verify(blink, never()).stop();
        verify(blink, never()).setFaultState();
    }

    @Test
    void processPrintsTocksOverviewOfTheFirstProcessWithThatNameAcrossSeveralTransmissions() {
        Process blink = process("blink", 0, State.YIELDED);
        when(blink.getAddresses()).thenReturn(new ProcessAddresses(0x0004_0000, 0x0004_0048, 0x0004_0800,
                0x0004_1000, 0x2000_4000, 0x2000_4C00, 0x2000_5E00, 0x2000_6000,
                OptionalInt.of(0x2000_4A00), OptionalInt.of(0x2000_4800), OptionalInt.of(0x2000_4700)));
        when(blink.getSizes()).thenReturn(new ProcessSizes(56, 64, 180));
        when(blink.getCompletionCode()).thenReturn(Optional.empty());
        when(blink.debugSyscallLast()).thenReturn(Optional.empty());
        Process twin = process("blink", 1, State.RUNNING);
        boot();

        String output = type("process blink\r");

        String overview = new ProcessPrinterText().overview(blink);
        assertThat(output).isEqualTo("process blink\r\n" + overview + PROMPT);
        assertThat(overview.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ProcessConsole.WRITE_BUF_LEN);
        assertThat(hardware.transmissionLengths()).filteredOn(length -> length == ProcessConsole.WRITE_BUF_LEN)
                .hasSizeGreaterThanOrEqualTo(2);
        verify(twin, never()).getAddresses();
    }

    @Test
    void processPrintEndsAtThePromptIfTheProcessGoesAwayHalfway() {
        Process blink = process("blink", 0, State.YIELDED);
        when(blink.getAddresses()).thenReturn(new ProcessAddresses(0, 0, 0, 0, 0, 0, 0, 0,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));
        when(blink.getSizes()).thenReturn(new ProcessSizes(0, 0, 0));
        when(blink.getCompletionCode()).thenReturn(Optional.empty());
        when(blink.debugSyscallLast()).thenReturn(Optional.empty());
        boot();
        type("process blink");
        hardware.receive((byte) '\r');
        // Run until the first slice of the overview is out, then unload the process.
        while (hardware.transmissions().stream().noneMatch(t -> t.startsWith("\uD835\uDC00"))) {
            if (deferredCalls.serviceNextPending() < 0 && !hardware.completeTransmission()) {
                throw new AssertionError("the overview never started");
            }
        }
        loaded.clear();
        settle();

        String output = hardware.takeOutput();
        assertThat(output).doesNotContain(" H\r\n");
        assertThat(output).endsWith(PROMPT);
        assertThat(type("help\r")).startsWith("help\r\nWelcome");
    }

    @Test
    void kernelPrintsTheVersionAndWhatTheKernelKnowsInPlaceOfTheLinkerSections() {
        Process blink = process("blink", 0, State.YIELDED);
        when(blink.getAddresses()).thenReturn(new ProcessAddresses(0x0004_0000, 0x0004_0048, 0x0004_0800,
                0x0004_1000, 0x2000_4000, 0x2000_4C00, 0x2000_5E00, 0x2000_6000,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));
        boot();

        assertThat(type("kernel\r")).isEqualTo("kernel\r\n"
                + "Kernel version: 2.1 (build test)\r\n"
                + "\r\n Kernel memory map: none. tock4j's kernel runs in the host JVM, so it has no BSS,"
                + "\r\n Relocate, Stack, RoData or Code sections in chip memory. What the kernel knows:"
                + "\r\n Grant regions: 7   Processes loaded: 1\r\n"
                + " PID    Name                App RAM                  App Flash\r\n"
                + " 0      blink               0x20004000-0x20006000    0x00040000-0x00041000\r\n"
                + PROMPT);
    }

    @Test
    void resetSaysTheResetFunctionIsNotImplemented() {
        boot();

        assertThat(type("reset\r")).isEqualTo("reset\r\nReset function is not implemented" + PROMPT);
    }

    @Test
    void panicPanicsTheKernel() {
        boot();

        assertThatThrownBy(() -> type("panic\r"))
                .isInstanceOf(KernelPanic.class)
                .hasMessage("Process Console forced a kernel panic.");
    }

    @Test
    void consoleStopSilencesTheConsoleUntilStart() {
        Process blink = process("blink", 0, State.YIELDED);
        boot();

        assertThat(type("console-stop\r")).isEqualTo("console-stop\r\n"
                + "Disabling the process console.\r\n"
                + "Run console-start to reactivate.\r\n");
        // Hibernating: bytes are still echoed, but commands are ignored and no prompt comes.
        assertThat(type("stop blink\r")).isEqualTo("stop blink\r\n");
        assertThat(type("help\r")).isEqualTo("help\r\n");
        verify(blink, never()).stop();

        assertThat(type("console-start\r")).isEqualTo("console-start\r\n" + PROMPT);
        assertThat(type("stop blink\r")).isEqualTo("stop blink\r\nProcess blink stopped\r\n" + PROMPT);
    }

    // ---------------------------------------------------------------- line editing

    @Test
    void typedBytesAreEchoedOneByOne() {
        boot();

        type("lis");

        assertThat(hardware.transmissions()).containsSubsequence("l", "i", "s");
    }

    @Test
    void backspaceErasesTheLastCharacter() {
        boot();

        String output = type("lisx\bt\r");

        // "\b \b" erases the x on screen, " \b" blanks the column after the (now shorter) line.
        assertThat(output).startsWith("lisx\b \b \bt\r\n" + LIST_HEADER);
    }

    @Test
    void backspaceAtTheStartOfTheLineDoesNothing() {
        boot();

        assertThat(type("\bhelp\r")).startsWith("help\r\nWelcome");
    }

    @Test
    void insertingBeforeTheCursorRedrawsTheRestOfTheLine() {
        boot();
        byte[] keys = concat("lst".getBytes(StandardCharsets.US_ASCII), escape('D'), escape('D'),
                "i\r".getBytes(StandardCharsets.US_ASCII));

        String output = type(keys);

        // Left twice: "\b\b"; then "i" and the rest of the line "st", and back over it.
        assertThat(output).startsWith("lst\b\bist\b\b\r\n" + LIST_HEADER);
    }

    @Test
    void deleteErasesTheCharacterUnderTheCursor() {
        boot();
        byte[] keys = concat("lisst".getBytes(StandardCharsets.US_ASCII), escape('D'), escape('D'),
                new byte[] {0x7F, '\r'});

        String output = type(keys);

        assertThat(output).startsWith("lisst\b\bt \b\b\r\n" + LIST_HEADER);
    }

    @Test
    void homeAndEndMoveTheCursorToTheEndsOfTheLine() {
        boot();
        byte[] keys = concat("elp".getBytes(StandardCharsets.US_ASCII), escape('H'),
                "h".getBytes(StandardCharsets.US_ASCII), escape('F'), "\r".getBytes(StandardCharsets.US_ASCII));

        String output = type(keys);

        assertThat(output).startsWith("elp\b\b\bhelp\b\b\belp\r\nWelcome");
    }

    @Test
    void arrowUpRecallsThePreviousCommandsAndArrowDownComesBack() {
        boot();
        type("status\r");
        type("help\r");

        assertThat(type(escape('A'))).isEqualTo("help");
        assertThat(type(escape('A'))).isEqualTo("\b \b\b \b\b \b\b \bstatus");
        assertThat(type(escape('A'))).isEmpty();
        assertThat(type(escape('B'))).isEqualTo("\b \b\b \b\b \b\b \b\b \b\b \bhelp");
        assertThat(type("\r")).startsWith("\r\nWelcome to the process console.");
    }

    @Test
    void aRepeatedCommandIsRememberedOnce() {
        boot();
        type("help\r");
        type("help\r");

        assertThat(type(escape('A'))).isEqualTo("help");
        assertThat(type(escape('A'))).isEmpty();
    }

    @Test
    void carriageReturnLineFeedRunsTheCommandOnce() {
        boot();

        assertThat(type("help\r\n")).isEqualTo("help\r\n"
                + "Welcome to the process console.\r\n"
                + "Valid commands are: " + VALID
                + PROMPT);
    }

    @Test
    void bytesOf128AndAboveAreIgnored() {
        boot();

        assertThat(type(new byte[] {(byte) 0xC3, (byte) 0xA9})).isEmpty();
        assertThat(type("help\r")).startsWith("help\r\nWelcome");
    }

    @Test
    void aLineHoldsAtMostSixtyThreeBytes() {
        boot();

        String echoed = type("x".repeat(70));

        assertThat(echoed).isEqualTo("x".repeat(ProcessConsole.COMMAND_BUF_LEN - 1));
    }

    // ---------------------------------------------------------------- system call driver facet

    @Test
    void commandZeroAnswersSuccessAndEveryOtherCommandNosupport() {
        ProcessId app = ProcessId.newExternal(kernel, 9, 0, Capability.externalProcess());

        assertThat(console.command(0, 0, 0, app)).isEqualTo(CommandReturn.success());
        assertThat(console.command(1, 0, 0, app)).isEqualTo(CommandReturn.failure(ErrorCode.NOSUPPORT));
        assertThat(console.allocateGrant(app).isOk()).isTrue();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
