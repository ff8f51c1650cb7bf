package org.tock4j.capsules.core.processconsole;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.tock4j.kernel.ErrorCode;
import org.tock4j.kernel.KernelPanic;
import org.tock4j.kernel.Result;
import org.tock4j.kernel.capabilities.ProcessManagementCapability;
import org.tock4j.kernel.capabilities.ProcessStartCapability;
import org.tock4j.kernel.hil.time.Alarm;
import org.tock4j.kernel.hil.time.AlarmClient;
import org.tock4j.kernel.hil.uart.ReceiveClient;
import org.tock4j.kernel.hil.uart.TransmitClient;
import org.tock4j.kernel.hil.uart.UartData;
import org.tock4j.kernel.hil.uart.UartError;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessError;
import org.tock4j.kernel.process.ProcessId;
import org.tock4j.kernel.process.Processes;
import org.tock4j.kernel.process.ShortId;
import org.tock4j.kernel.process.State;
import org.tock4j.kernel.syscall.CommandReturn;
import org.tock4j.kernel.syscall.SyscallDriver;

/**
 * A text console on the UART for inspecting and controlling processes: the board's operator types commands
 * at a {@code tock$ } prompt.
 *
 * <table>
 *   <caption>Commands (a command is recognised by its first word's prefix, as in Tock)</caption>
 *   <tr><th>command</th><th>does</th><th>prints</th></tr>
 *   <tr><td>{@code help}</td><td>-</td><td>{@code Welcome to the process console.} and the valid commands</td></tr>
 *   <tr><td>{@code status}</td><td>-</td><td>{@code Total processes: }, {@code Active processes: } (running or
 *       yielded) and {@code Timeslice expirations: } (summed over processes)</td></tr>
 *   <tr><td>{@code list}</td><td>-</td><td>a table: PID, ShortID, Name, Quanta (timeslice expirations),
 *       Syscalls, Restarts, Grants (allocated/defined) and State, one row per loaded process</td></tr>
 *   <tr><td>{@code stop NAME}</td><td>stops every process named NAME</td>
 *       <td>{@code Process NAME stopped}</td></tr>
 *   <tr><td>{@code start NAME}</td><td>resumes every stopped process named NAME</td>
 *       <td>{@code Process NAME resumed.}</td></tr>
 *   <tr><td>{@code fault NAME}</td><td>faults every process named NAME (its fault policy applies)</td>
 *       <td>{@code Process NAME now faulted}</td></tr>
 *   <tr><td>{@code terminate NAME}</td><td>terminates every process named NAME, with no completion code</td>
 *       <td>{@code Process NAME terminated}</td></tr>
 *   <tr><td>{@code boot NAME}</td><td>starts every terminated process named NAME</td><td>nothing</td></tr>
 *   <tr><td>{@code process NAME}</td><td>-</td><td>the first process named NAME: state, counters, last system
 *       call, completion code and memory map (Tock's {@code ProcessPrinterText} overview)</td></tr>
 *   <tr><td>{@code kernel}</td><td>-</td><td>{@code Kernel version: 2.1 (build ...)}, then what tock4j's kernel
 *       knows in place of Tock's linker-section memory map: the grant count and each process's RAM and flash</td></tr>
 *   <tr><td>{@code reset}</td><td>-</td><td>{@code Reset function is not implemented} (tock4j has no reset
 *       function for the console)</td></tr>
 *   <tr><td>{@code panic}</td><td>panics the kernel: {@code Process Console forced a kernel panic.}</td>
 *       <td>the board's panic report</td></tr>
 *   <tr><td>{@code console-stop}</td><td>hibernates: commands are ignored and no prompt is printed (typed bytes
 *       are still echoed) until {@code console-start}</td>
 *       <td>{@code Disabling the process console.} {@code Run console-start to reactivate.}</td></tr>
 *   <tr><td>{@code console-start}</td><td>wakes a hibernating console</td><td>nothing but the prompt</td></tr>
 *   <tr><td>anything else</td><td>-</td><td>{@code Valid commands are: } and the list</td></tr>
 * </table>
 *
 * <p>A command naming no process, or no existing one, prints nothing; the prompt follows every command.
 * Lines end in {@code \r\n} (but {@code terminate}'s in {@code \n}, as in Tock).
 *
 * <p>Line editing, as Tock's: typed bytes are echoed; backspace ({@code 0x08}) erases before the cursor;
 * Delete ({@code 0x7F} or {@code ESC [ 3 ~}) erases under it; left, right, Home and End move the cursor; up and
 * down browse the last {@value #DEFAULT_COMMAND_HISTORY_LEN} - 1 commands (the command history is on by
 * default); {@code \r}, {@code \n} or {@code \r\n} runs the line. Lines hold up to
 * {@value #COMMAND_BUF_LEN} - 1 bytes; bytes of 128 and above are ignored.
 *
 * <p>Output goes out through a {@value #WRITE_BUF_LEN}-byte transmit buffer; what is written while a
 * transmission is in flight waits in a {@value #QUEUE_BUF_LEN}-byte queue, and what does not fit is dropped.
 * Long output ({@code list}, {@code process}, {@code kernel}) is printed a piece per transmission.
 *
 * <p>{@link #start()} waits 100 ms (for the board's boot messages) before printing the prompt and listening.
 *
 * <p>It is a {@link SyscallDriver} only because a component must return one: processes get {@code Success}
 * for command 0 and {@code Failure(NOSUPPORT)} for every other command; there is no grant, subscribe or allow.
 * Tock's process console is no system call driver at all.
 *
 * <p>Where it differs from the Tock it follows: {@code boot} calls {@code start} with the
 * {@code ProcessStartCapability}, as later Tock does, where this Tock's {@code try_restart} ignores a
 * terminated process; a long print whose process is gone (restarted, say) returns to the prompt instead of
 * stalling; a byte that finds the queue full is dropped, where Tock's {@code write_byte} indexes past it; a
 * buffer the UART refuses comes back instead of being lost.
 *
 * <p>Tock counterpart: {@code capsules_core::process_console::ProcessConsole}.
 */
public final class ProcessConsole implements SyscallDriver, TransmitClient, ReceiveClient, AlarmClient {

    /** Size of the transmit buffer. */
    public static final int WRITE_BUF_LEN = 500;
    /** Size of the queue output waits in while a transmission is in flight. */
    public static final int QUEUE_BUF_LEN = 300;
    /** Size of the receive buffer; the console reads one byte at a time. */
    public static final int READ_BUF_LEN = 4;
    /** Size of the command line buffer, terminating {@code 0} included. */
    public static final int COMMAND_BUF_LEN = 64;
    /** Entries of the command history, the line being typed included. */
    public static final int DEFAULT_COMMAND_HISTORY_LEN = 10;

    /** The Tock kernel version tock4j implements ({@code kernel::KERNEL_MAJOR_VERSION}). */
    public static final int KERNEL_MAJOR_VERSION = 2;
    /** The Tock kernel version tock4j implements ({@code kernel::KERNEL_MINOR_VERSION}). */
    public static final int KERNEL_MINOR_VERSION = 1;

    static final String VALID_COMMANDS = "help status list stop start fault boot terminate process kernel reset panic"
            + " console-start console-stop\r\n";

    static final byte ESC = 0x1B;
    static final byte EOL = 0x00;
    static final byte BS = 0x08;
    static final byte DEL = 0x7F;
    static final byte SPACE = 0x20;
    static final byte CR = 0x0D;
    static final byte NLINE = 0x0A;

    private static final System.Logger LOG = System.getLogger(ProcessConsole.class.getName());

    /** Whether the console listens and prompts. Tock counterpart: {@code ProcessConsoleState}. */
    private enum Mode {
        /** Not started: not listening. */
        Off,
        /** Listening, prompting and running commands. */
        Active,
        /** Listening, but ignoring every command except {@code console-start}, and not prompting. */
        Hibernating
    }

    private final UartData uart;
    private final Alarm alarm;
    private final ProcessPrinterText processPrinter = new ProcessPrinterText();
    private final Processes kernel;
    private final ProcessManagementCapability managementCapability;
    private final ProcessStartCapability startCapability;
    private final String build;

    private boolean txInProgress;
    /** The transmit buffer; {@code null} while the UART holds it. */
    private byte[] txBuffer;
    private final byte[] queueBuffer;
    private int queueSize;
    private WriterState writerState = WriterState.EMPTY;
    /** The receive buffer; {@code null} while the UART holds it. */
    private byte[] rxBuffer;
    private final byte[] command;
    private int commandIndex;
    private Mode mode = Mode.Off;
    private EscState escState = EscState.BYPASS;
    private final CommandHistory commandHistory;
    private int cursor;
    /** The byte before, so that {@code \r\n} counts as one line end. */
    private byte previousByte = EOL;
    /** A line end was echoed: run the command once the echo is out. */
    private boolean execute;

    /**
     * @param txBuffer at least {@value #WRITE_BUF_LEN} bytes in Tock's sizing; any non-empty buffer works
     * @param rxBuffer at least one byte
     * @param queueBuffer output waiting for the UART
     * @param commandBuffer {@value #COMMAND_BUF_LEN} bytes
     * @param commandHistoryLen entries of the command history; history is kept only above 1
     * @param build what {@code kernel} prints as the build, Tock's {@code TOCK_KERNEL_VERSION}
     */
    public ProcessConsole(UartData uart, Alarm alarm, Processes kernel,
            ProcessManagementCapability managementCapability, ProcessStartCapability startCapability,
            byte[] txBuffer, byte[] rxBuffer, byte[] queueBuffer, byte[] commandBuffer, int commandHistoryLen,
            String build) {
        this.uart = Objects.requireNonNull(uart, "uart");
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.managementCapability = Objects.requireNonNull(managementCapability, "managementCapability");
        this.startCapability = Objects.requireNonNull(startCapability, "startCapability");
        this.txBuffer = Objects.requireNonNull(txBuffer, "txBuffer");
        this.rxBuffer = Objects.requireNonNull(rxBuffer, "rxBuffer");
        this.queueBuffer = Objects.requireNonNull(queueBuffer, "queueBuffer");
        this.command = Objects.requireNonNull(commandBuffer, "commandBuffer");
        this.build = Objects.requireNonNull(build, "build");
        if (commandBuffer.length != COMMAND_BUF_LEN) {
            throw new IllegalArgumentException("the command buffer must be " + COMMAND_BUF_LEN + " bytes, got "
                    + commandBuffer.length);
        }
        if (txBuffer.length == 0 || rxBuffer.length == 0) {
            throw new IllegalArgumentException("the transmit and receive buffers must not be empty");
        }
        if (commandHistoryLen < 0) {
            throw new IllegalArgumentException("a command history cannot have " + commandHistoryLen + " entries");
        }
        this.commandHistory = new CommandHistory(commandHistoryLen);
    }

    // ---------------------------------------------------------------- starting

    /** Starts listening for commands: after 100 ms the prompt appears and the console reads. */
    public Result<Void, ErrorCode> start() {
        if (mode == Mode.Off) {
            alarm.setAlarm(alarm.now(), alarm.ticksFromMs(100));
            mode = Mode.Active;
        }
        return Result.ok();
    }

    /** Starts listening, hibernating: no prompt, and commands are ignored until {@code console-start}. */
    public Result<Void, ErrorCode> startHibernated() {
        if (mode == Mode.Off) {
            alarm.setAlarm(alarm.now(), alarm.ticksFromMs(100));
            mode = Mode.Hibernating;
        }
        return Result.ok();
    }

    /** Prints the kernel version, the welcome and the valid commands, then the prompt; starts listening if off. */
    public void displayWelcome() {
        if (mode == Mode.Off && rxBuffer != null) {
            receive();
            mode = Mode.Active;
        }
        writeBytes(kernelVersionLine());
        writeBytes("Welcome to the process console.\r\n");
        writeBytes("Valid commands are: ");
        writeBytes(VALID_COMMANDS);
        prompt();
    }

    /** The 100 ms after {@link #start()} are over: prompt and listen. */
    @Override
    public void alarm() {
        prompt();
        if (rxBuffer != null) {
            receive();
        }
    }

    // ---------------------------------------------------------------- system call driver facet

    /** Command 0: {@code Success}; any other: {@code Failure(NOSUPPORT)}. */
    @Override
    public CommandReturn command(int commandNum, int r2, int r3, ProcessId processId) {
        return commandNum == 0 ? CommandReturn.success() : CommandReturn.failure(ErrorCode.NOSUPPORT);
    }

    /** No grant: nothing to allocate. */
    @Override
    public Result<Void, ProcessError> allocateGrant(ProcessId processId) {
        return Result.ok();
    }

    // ---------------------------------------------------------------- UART completions

    @Override
    public void transmittedBuffer(byte[] buffer, int txLen, Result<Void, ErrorCode> rcode) {
        txBuffer = buffer;
        txInProgress = false;

        Result<Integer, ErrorCode> sent = handleQueue();
        if (sent.isErr() || sent.unwrap() == 0) {
            // Nothing was queued: continue a long print, or run a command whose line end was just echoed.
            if (!(writerState instanceof WriterState.Empty)) {
                writeState(writerState);
                return;
            }
            if (execute) {
                execute = false;
                readCommand();
            }
        }
    }

    @Override
    public void receivedBuffer(byte[] readBuf, int rxLen, Result<Void, ErrorCode> rcode, UartError error) {
        if (error == UartError.None) {
            switch (rxLen) {
                case 0 -> LOG.log(System.Logger.Level.DEBUG, "ProcessConsole had read of 0 bytes");
                case 1 -> receivedByte(readBuf[0]);
                default -> LOG.log(System.Logger.Level.DEBUG,
                        "ProcessConsole issues reads of 1 byte, but receive_complete was length {0}", rxLen);
            }
        }
        rxBuffer = readBuf;
        receive();
    }

    // ---------------------------------------------------------------- line editing

    private void receivedByte(byte data) {
        escState = escState.nextState(data);
        byte previous = previousByte;
        previousByte = data;
        int index = commandIndex;
        int cur = cursor;
        boolean historyOn = commandHistory.length() > 1;

        if (escState instanceof EscState.Complete(EscKey key)) {
            switch (key) {
                case Up, Down -> {
                    if (commandHistory.length() >= 1) {
                        OptionalInt next = key == EscKey.Up
                                ? commandHistory.nextCmdIdx() : commandHistory.prevCmdIdx();
                        if (next.isPresent()) {
                            showHistoryEntry(commandHistory.get(next.getAsInt()), cur, index);
                        }
                    }
                }
                case Left -> {
                    if (cur > 0) {
                        writeByte(BS);
                        cursor = cur - 1;
                    }
                }
                case Right -> {
                    if (cur < index) {
                        writeByte(command[cur]);
                        cursor = cur + 1;
                    }
                }
                case Home -> {
                    if (cur > 0) {
                        for (int i = 0; i < cur; i++) {
                            writeByte(BS);
                        }
                        cursor = 0;
                    }
                }
                case End -> {
                    if (cur < index) {
                        for (int i = cur; i < index; i++) {
                            writeByte(command[i]);
                        }
                        cursor = index;
                    }
                }
                case Delete -> {
                    if (cur < index) {
                        // Move the rest of the line one place left over the deleted byte, redrawing it.
                        for (int i = cur; i < index - 1; i++) {
                            command[i] = command[i + 1];
                            writeByte(command[i]);
                        }
                        command[index - 1] = command[index];
                        // Blank the last column, then bring the terminal's cursor back.
                        writeBytes(new byte[] {SPACE, BS});
                        for (int i = cur; i < index - 1; i++) {
                            writeByte(BS);
                        }
                        commandIndex = index - 1;
                        if (historyOn) {
                            editedLine(history -> history.get(0).deleteByte(cur));
                        }
                    }
                }
            }
        } else if (data == NLINE || data == CR) {
            if ((previous == NLINE || previous == CR) && previous != data) {
                // The second half of \r\n or \n\r.
                previousByte = EOL;
            } else {
                cursor = 0;
                execute = true;
                writeBytes(new byte[] {CR, NLINE});
                if (historyOn) {
                    commandHistory.cmdIdx = 0;
                    commandHistory.cmdIsModified = false;
                    commandHistory.get(0).clear();
                }
            }
        } else if (data == BS) {
            if (cur > 0) {
                // Erase the byte before the cursor: "\b \b", then redraw the rest of the line one place left.
                writeBytes(new byte[] {BS, SPACE, BS});
                for (int i = cur - 1; i < index - 1; i++) {
                    command[i] = command[i + 1];
                    writeByte(command[i]);
                }
                command[index - 1] = command[index];
                writeBytes(new byte[] {SPACE, BS});
                for (int i = cur; i < index; i++) {
                    writeByte(BS);
                }
                commandIndex = index - 1;
                cursor = cur - 1;
                if (historyOn) {
                    editedLine(history -> history.get(0).deleteByte(cur - 1));
                }
            }
        } else if (index < command.length - 1 && data >= 0 && !escState.hasStarted() && !escState.inProgress()) {
            // A printable (or at least 7-bit) byte: echo it and the rest of the line, then insert it.
            writeByte(data);
            for (int i = cur; i < index; i++) {
                writeByte(command[i]);
            }
            for (int i = index; i >= cur; i--) {
                command[i + 1] = command[i];
            }
            for (int i = cur; i < index; i++) {
                writeByte(BS);
            }
            command[cur] = data;
            cursor = cur + 1;
            commandIndex = index + 1;
            if (historyOn) {
                editedLine(history -> history.get(0).insertByte(data, cur));
            }
        }
    }

    /** Replaces the line on screen and in the buffer by a history entry. */
    private void showHistoryEntry(Command entry, int cur, int index) {
        for (int i = cur; i < index; i++) {
            writeByte(SPACE);
        }
        for (int i = 0; i < index; i++) {
            writeBytes(new byte[] {BS, SPACE, BS});
        }
        int length = entry.len();
        for (int i = 0; i < length; i++) {
            byte value = entry.byteAt(i);
            writeByte(value);
            command[i] = value;
        }
        commandHistory.cmdIsModified = true;
        commandIndex = length;
        cursor = length;
        command[length] = EOL;
    }

    /**
     * Keeps the history's copy of the line being typed up to date: the first edit of a line recalled from the
     * history copies the whole edited line; later edits repeat the edit on the copy.
     */
    private void editedLine(Consumer<CommandHistory> sameEdit) {
        if (commandHistory.cmdIsModified) {
            commandHistory.get(0).clear();
            commandHistory.writeToFirst(command);
            commandHistory.cmdIsModified = false;
        } else {
            sameEdit.accept(commandHistory);
        }
    }

    // ---------------------------------------------------------------- commands

    /** Runs the command in the command buffer and empties the buffer. */
    private void readCommand() {
        int terminator = 0;
        for (int i = 0; i < command.length; i++) {
            if (command[i] == EOL) {
                terminator = i;
                break;
            }
        }
        if (terminator > 0) {
            Optional<String> text = utf8(Arrays.copyOf(command, terminator));
            if (text.isPresent()) {
                runCommand(text.get());
            } else {
                writeBytes("Invalid command: " + rustDebug(command));
            }
        }
        command[0] = EOL;
        commandIndex = 0;
        if (writerState instanceof WriterState.Empty) {
            prompt();
        }
    }

    private void runCommand(String line) {
        String clean = trim(line);
        if (commandHistory.length() > 1 && !clean.isEmpty()) {
            commandHistory.makeSpace(command);
        }

        if (clean.startsWith("console-start")) {
            mode = Mode.Active;
        } else if (mode == Mode.Hibernating) {
            // Every other command is ignored while hibernating, even a valid one.
        } else if (clean.startsWith("help")) {
            writeBytes("Welcome to the process console.\r\n");
            writeBytes("Valid commands are: ");
            writeBytes(VALID_COMMANDS);
        } else if (clean.startsWith("console-stop")) {
            writeBytes("Disabling the process console.\r\n");
            writeBytes("Run console-start to reactivate.\r\n");
            mode = Mode.Hibernating;
        } else if (clean.startsWith("start")) {
            argument(clean).ifPresent(name -> eachNamed(name, process -> {
                process.resume();
                writeBytes("Process " + name + " resumed.\r\n");
            }));
        } else if (clean.startsWith("stop")) {
            argument(clean).ifPresent(name -> eachNamed(name, process -> {
                process.stop();
                writeBytes("Process " + process.getProcessName() + " stopped\r\n");
            }));
        } else if (clean.startsWith("fault")) {
            argument(clean).ifPresent(name -> eachNamed(name, process -> {
                process.setFaultState();
                writeBytes("Process " + process.getProcessName() + " now faulted\r\n");
            }));
        } else if (clean.startsWith("terminate")) {
            argument(clean).ifPresent(name -> eachNamed(name, process -> {
                process.terminate(Optional.empty());
                writeBytes("Process " + process.getProcessName() + " terminated\n");
            }));
        } else if (clean.startsWith("boot")) {
            argument(clean).ifPresent(name -> eachNamed(name, process -> {
                if (process.getState() instanceof State.Terminated) {
                    process.start(startCapability);
                }
            }));
        } else if (clean.startsWith("list")) {
            writeBytes(" PID    ShortID    Name                Quanta  ");
            writeBytes("Syscalls  Restarts  Grants  State\r\n");
            int count = processes().size();
            if (count > 0) {
                writeState(new WriterState.List(-1, count));
            }
        } else if (clean.startsWith("status")) {
            List<Process> all = processes();
            long active = all.stream()
                    .filter(p -> p.getState() instanceof State.Running || p.getState() instanceof State.Yielded)
                    .count();
            long expirations = all.stream()
                    .mapToLong(p -> Integer.toUnsignedLong(p.debugTimesliceExpirationCount())).sum();
            writeBytes("Total processes: " + all.size() + "\r\n");
            writeBytes("Active processes: " + active + "\r\n");
            writeBytes("Timeslice expirations: " + expirations + "\r\n");
        } else if (clean.startsWith("process")) {
            argument(clean).ifPresent(name -> processes().stream()
                    .filter(p -> p.getProcessName().equals(name))
                    .findFirst()
                    .ifPresent(process -> {
                        // Only the first process with that name is printed.
                        byte[] slice = new byte[WRITE_BUF_LEN];
                        ProcessPrinterText.Slice printed = processPrinter.printOverview(process, slice, 0);
                        writeBytes(Arrays.copyOf(slice, printed.length()));
                        if (printed.nextOffset().isPresent()) {
                            writerState = new WriterState.ProcessPrint(process.processid(),
                                    printed.nextOffset().getAsInt());
                        }
                    }));
        } else if (clean.startsWith("kernel")) {
            writeBytes(kernelVersionLine());
            writerState = new WriterState.KernelStart(processes().size());
        } else if (clean.startsWith("reset")) {
            // No board hands tock4j's console a reset function.
            writeBytes("Reset function is not implemented");
        } else if (clean.startsWith("panic")) {
            throw new KernelPanic("Process Console forced a kernel panic.");
        } else {
            writeBytes("Valid commands are: ");
            writeBytes(VALID_COMMANDS);
        }
    }

    private void prompt() {
        if (mode == Mode.Active) {
            writeBytes("tock$ ");
        }
    }

    /** Moves the long print on and prints its next piece. */
    private void writeState(WriterState state) {
        writerState = state.next();
        createStateBuffer(writerState);
    }

    private void createStateBuffer(WriterState state) {
        switch (state) {
            case WriterState.KernelMemory memory -> writeBytes(kernelMemory(memory.total()));
            case WriterState.KernelProcessMemory row -> nth(row.index()).ifPresentOrElse(
                    process -> writeBytes(processMemoryRow(process)), this::endLongPrint);
            case WriterState.ProcessPrint print -> processes().stream()
                    .filter(p -> p.processid().equals(print.processId()))
                    .findFirst()
                    .ifPresentOrElse(process -> {
                        byte[] slice = new byte[WRITE_BUF_LEN];
                        ProcessPrinterText.Slice printed = processPrinter.printOverview(process, slice,
                                print.offset());
                        writeBytes(Arrays.copyOf(slice, printed.length()));
                        if (printed.nextOffset().isPresent()) {
                            writerState = new WriterState.ProcessPrint(print.processId(),
                                    printed.nextOffset().getAsInt());
                        } else {
                            // The next state is not printed through this switch again: prompt now.
                            endLongPrint();
                        }
                    }, this::endLongPrint);
            case WriterState.List list -> nth(list.index()).ifPresentOrElse(
                    process -> writeBytes(listRow(process)), this::endLongPrint);
            case WriterState.Empty empty -> prompt();
            case WriterState.KernelStart start -> {
                // Never printed: the version line went out with the command.
            }
        }
    }

    /** A long print has nothing more to print (done, or its process is gone): back to the prompt. */
    private void endLongPrint() {
        writerState = WriterState.EMPTY;
        prompt();
    }

    /** A {@code list} row, in Tock's columns. */
    private String listRow(Process process) {
        StringBuilder row = new StringBuilder();
        row.append(String.format(" %-7s", TockDebug.usize(process.processid().id())));
        switch (process.shortAppId()) {
            case ShortId.LocallyUnique unique -> row.append("Unique     ");
            case ShortId.Fixed fixed -> row.append(String.format("0x%-8s ", Integer.toHexString(fixed.id())));
        }
        int grantsUsed = process.grantAllocatedCount().orElse(0);
        int grantsTotal = kernel.getGrantCountAndFinalize();
        row.append(String.format("%-20s%6s%10s%10s  %2d/%2d   %s\r\n",
                process.getProcessName(),
                TockDebug.usize(process.debugTimesliceExpirationCount()),
                TockDebug.usize(process.debugSyscallCount()),
                TockDebug.usize(process.getRestartCount()),
                grantsUsed,
                grantsTotal,
                TockDebug.state(process.getState())));
        return row.toString();
    }

    private String kernelVersionLine() {
        return "Kernel version: " + KERNEL_MAJOR_VERSION + "." + KERNEL_MINOR_VERSION + " (build " + build + ")\r\n";
    }

    /**
     * Stands in for Tock's kernel memory map (BSS, Relocate, Stack, RoData and Code, read from linker symbols):
     * says why there is none, then what the kernel knows.
     */
    private String kernelMemory(int total) {
        StringBuilder out = new StringBuilder();
        out.append("\r\n Kernel memory map: none. tock4j's kernel runs in the host JVM, so it has no BSS,");
        out.append("\r\n Relocate, Stack, RoData or Code sections in chip memory. What the kernel knows:");
        out.append("\r\n Grant regions: ").append(kernel.getGrantCountAndFinalize())
                .append("   Processes loaded: ").append(total).append("\r\n");
        if (total > 0) {
            out.append(" PID    Name                App RAM                  App Flash\r\n");
        }
        return out.toString();
    }

    /** One process's RAM and flash, ends exclusive. */
    private static String processMemoryRow(Process process) {
        var addresses = process.getAddresses();
        return String.format(" %-7s%-20s%s-%s    %s-%s\r\n", TockDebug.usize(process.processid().id()),
                process.getProcessName(),
                TockDebug.hex010(addresses.sramStart()), TockDebug.hex010(addresses.sramEnd()),
                TockDebug.hex010(addresses.flashStart()), TockDebug.hex010(addresses.flashEnd()));
    }

    // ---------------------------------------------------------------- processes

    private List<Process> processes() {
        return kernel.processEachCapability(managementCapability);
    }

    private Optional<Process> nth(int index) {
        List<Process> all = processes();
        return index >= 0 && index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }

    /** Runs {@code action} on every process named {@code name}, in process order. */
    private void eachNamed(String name, Consumer<Process> action) {
        for (Process process : processes()) {
            if (process.getProcessName().equals(name)) {
                action.accept(process);
            }
        }
    }

    // ---------------------------------------------------------------- output

    private void writeBytes(String text) {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code bytes} now if the UART is free, else queues what fits. */
    private void writeBytes(byte[] bytes) {
        if (txInProgress) {
            int length = Math.min(bytes.length, queueBuffer.length - queueSize);
            System.arraycopy(bytes, 0, queueBuffer, queueSize, length);
            queueSize += length;
            return;
        }
        txInProgress = true;
        if (txBuffer != null) {
            int length = Math.min(bytes.length, txBuffer.length);
            System.arraycopy(bytes, 0, txBuffer, 0, length);
            transmit(length);
        }
    }

    private void writeByte(byte value) {
        writeBytes(new byte[] {value});
    }

    /** Sends what waits in the queue; how many bytes went, 0 if none waited. */
    private Result<Integer, ErrorCode> handleQueue() {
        if (txInProgress) {
            return Result.err(ErrorCode.BUSY);
        }
        int queued = queueSize;
        if (queued == 0) {
            return Result.ok(0);
        }
        if (txBuffer == null) {
            return Result.err(ErrorCode.FAIL);
        }
        int length = Math.min(queued, txBuffer.length);
        System.arraycopy(queueBuffer, 0, txBuffer, 0, length);
        System.arraycopy(queueBuffer, length, queueBuffer, 0, queued - length);
        queueSize = queued - length;
        txInProgress = true;
        transmit(length);
        return Result.ok(length);
    }

    /** Hands the transmit buffer to the UART; if it refuses, the buffer comes back and the UART is free. */
    private void transmit(int length) {
        byte[] buffer = txBuffer;
        txBuffer = null;
        var started = uart.transmitBuffer(buffer, length);
        if (started.isErr()) {
            txBuffer = started.unwrapErr().buffer();
            txInProgress = false;
        }
    }

    /** Reads the next byte; if the UART refuses, the buffer is kept. */
    private void receive() {
        byte[] buffer = rxBuffer;
        rxBuffer = null;
        var started = uart.receiveBuffer(buffer, 1);
        if (started.isErr()) {
            rxBuffer = started.unwrapErr().buffer();
        }
    }

    // ---------------------------------------------------------------- text helpers

    /** The second whitespace-separated word, as Tock's {@code split_whitespace().nth(1)}. */
    private static Optional<String> argument(String clean) {
        int i = 0;
        int n = clean.length();
        for (int word = 0; ; word++) {
            while (i < n && isWhitespace(clean.charAt(i))) {
                i++;
            }
            if (i == n) {
                return Optional.empty();
            }
            int start = i;
            while (i < n && !isWhitespace(clean.charAt(i))) {
                i++;
            }
            if (word == 1) {
                return Optional.of(clean.substring(start, i));
            }
        }
    }

    /** Rust's {@code str::trim}: whitespace as Rust's {@code char::is_whitespace} says. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Rust's {@code char::is_whitespace} (the Unicode White_Space property). */
    private static boolean isWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Rust's {@code {:?}} of a byte slice: {@code [104, 105, 0, ...]}. */
    private static String rustDebug(byte[] bytes) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "" : ", ").append(Byte.toUnsignedInt(bytes[i]));
        }
        return out.append(']').toString();
    }
}
